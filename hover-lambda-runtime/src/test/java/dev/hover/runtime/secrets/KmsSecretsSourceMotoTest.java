package dev.hover.runtime.secrets;

import dev.hover.model.packaged.PackagedManifest;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.SecretsException.Reason;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runtime's side against moto's KMS: decrypting the packaged file at cold start. */
class KmsSecretsSourceMotoTest {
    private static final String PLAIN = "DB_PASSWORD=\"s3cr3t\\nline2\"\nAPI_TOKEN='tok_live_5f2a9c'\n";

    private static KmsClient kms;

    @TempDir
    Path taskRoot;

    @BeforeAll
    static void startMoto() {
        LocalAws.moto().applyToSystemProperties();
        kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void closeClient() {
        kms.close();
    }

    private Path packagedFile(StageBinding stage, String plain) throws Exception {
        Path file = taskRoot.resolve("hover/secrets.env");
        new MotoSealedFiles(kms).write(file, stage, plain);
        return file;
    }

    private static StageBinding newStage() {
        return new StageBinding("shop" + UUID.randomUUID().toString().substring(0, 8) + "-staging", "staging");
    }

    private static PackagedManifest manifest(StageBinding stage, Map<String, String> environment) {
        return new PackagedManifest(stage.stage(), stage.name(), "b1", environment, "com.example.App",
                new PackagedManifest.Http(8080, "/", 1, 120), List.of(), Map.of());
    }

    @Test
    void decryptsThePackagedFileForItsStage() throws Exception {
        StageBinding stage = newStage();
        Path file = packagedFile(stage, PLAIN);

        Map<String, String> secrets = new KmsSecretsSource().load(file, manifest(stage, Map.of("DB_HOST", "db")));

        assertThat(secrets).containsExactly(Map.entry("DB_PASSWORD", "s3cr3t\nline2"), Map.entry("API_TOKEN", "tok_live_5f2a9c"));
    }

    @Test
    void refusesAFileOfAnotherStageSayingWhich() throws Exception {
        StageBinding staging = newStage();
        Path file = packagedFile(staging, PLAIN);
        StageBinding production = new StageBinding(staging.name().replace("-staging", "-production"), "production");

        assertThatThrownBy(() -> new KmsSecretsSource().load(file, manifest(production, Map.of())))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("belongs to " + staging + ", not to " + production)
                .extracting(e -> ((SecretsException) e).reason()).isEqualTo(Reason.WRONG_STAGE);
    }

    @Test
    void refusesASecretThatTheManifestEnvironmentAlsoSets() throws Exception {
        StageBinding stage = newStage();
        Path file = packagedFile(stage, PLAIN);

        assertThatThrownBy(() -> new KmsSecretsSource().load(file, manifest(stage, Map.of("API_TOKEN", "plain"))))
                .hasMessageStartingWith("API_TOKEN is set both in the environment of the packaged manifest and in the secrets")
                .extracting(e -> ((SecretsException) e).reason()).isEqualTo(Reason.CONFLICT);
    }

    @Test
    void refusesATamperedFileWithoutShowingValues() throws Exception {
        StageBinding stage = newStage();
        Path file = packagedFile(stage, PLAIN);
        String text = Files.readString(file);
        int sealed = text.indexOf("\n  ", text.indexOf("sealed:")) + 5;
        Files.writeString(file, text.substring(0, sealed) + (text.charAt(sealed) == 'x' ? 'y' : 'x') + text.substring(sealed + 1));

        assertThatThrownBy(() -> new KmsSecretsSource().load(file, manifest(stage, Map.of())))
                .hasMessageContaining("fails its integrity check")
                .hasMessageNotContaining("s3cr3t");
    }
}
