package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.sample.SampleApp;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged secrets reach the sample application under aws-lambda-rie, decrypted through moto's
 * KMS at cold start by the real launcher (hover-launch), which then becomes the runtime's JVM: the
 * application's System.getenv and its child processes see them; a failure is the init error the
 * emulator reports; the function's output never holds a value.
 */
class SecretsRieTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pa55-w0rd-Zq8";
    private static final String PEM_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw";
    private static final String PLAIN = "DB_PASSWORD='" + PASSWORD + "'\n"
            + "TLS_KEY=\"-----BEGIN PRIVATE KEY-----\n" + PEM_LINE + "\n-----END PRIVATE KEY-----\"\n";

    private static MotoServer moto;
    private static KmsClient kms;

    @TempDir
    Path taskRoot;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void closeClient() {
        kms.close();
    }

    /** The sample manifest, with a name of its own so each test has its own stage key. */
    private static PackagedManifest manifest(String name) {
        PackagedManifest sample = SampleFunctions.manifest(SampleApp.class.getName(), SampleFunctions.freePort(), 30);
        return new PackagedManifest(sample.stage(), name, sample.buildId(), sample.environment(), sample.mainClass(),
                sample.http(), sample.schedule(), sample.queues());
    }

    private EmulatedFunction start(PackagedManifest manifest) {
        return SampleFunctions.start(taskRoot, manifest, environment());
    }

    /** moto's endpoint and credentials, for the launcher's KMS client */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "30");
        return environment;
    }

    private static JsonNode get(EmulatedFunction function, String path, String query) throws IOException {
        return JSON.readTree(function.invoke(ApiGatewayEvents.request("GET", path).query(query).json()));
    }

    private Path secretsFile() {
        return taskRoot.resolve("hover/secrets.env");
    }

    @Test
    void theApplicationSeesTheSecretsAndTheLogsDoNot() throws IOException {
        PackagedManifest manifest = manifest("secrets-rie-ok");
        new MotoSealedFiles(kms).write(secretsFile(), new StageBinding(manifest.name(), manifest.stage()), PLAIN);

        try (EmulatedFunction function = start(manifest)) {
            JsonNode password = get(function, "/secret", "name=DB_PASSWORD");
            JsonNode key = get(function, "/secret", "name=TLS_KEY");
            JsonNode missing = get(function, "/secret", "name=NOT_A_SECRET");
            JsonNode environment = get(function, "/env", "name=DB_PASSWORD");

            assertThat(password.get("statusCode").asInt()).as(password.toString()).isEqualTo(200);
            assertThat(password.get("body").asText()).isEqualTo("present=true\nlength=" + PASSWORD.length() + "\n");
            assertThat(key.get("body").asText()).isEqualTo("present=true\nlength="
                    + ("-----BEGIN PRIVATE KEY-----\n" + PEM_LINE + "\n-----END PRIVATE KEY-----").length() + "\n");
            assertThat(missing.get("body").asText()).isEqualTo("present=false\n");
            // in the process environment itself: the JVM's and a child process's (started with no environment given)
            assertThat(environment.get("body").asText()).contains("getenv=" + PASSWORD + "\n", "child=" + PASSWORD + "\n");
            assertThat(function.output()).contains("secrets of secrets-rie-ok: 2 decrypted in ", "cold start of secrets-rie-ok")
                    .doesNotContain(PASSWORD, PEM_LINE);
        }
    }

    @Test
    void aTamperedFileIsAnInitErrorThatSaysSoWithoutValues() throws IOException {
        PackagedManifest manifest = manifest("secrets-rie-tampered");
        new MotoSealedFiles(kms).write(secretsFile(), new StageBinding(manifest.name(), manifest.stage()), PLAIN);
        String text = Files.readString(secretsFile());
        int at = text.indexOf("\n  ", text.indexOf("sealed:")) + 5;
        Files.writeString(secretsFile(), text.substring(0, at) + (text.charAt(at) == 'Q' ? 'R' : 'Q') + text.substring(at + 1));

        try (EmulatedFunction function = start(manifest)) {
            JsonNode error = get(function, "/secret", "name=DB_PASSWORD");

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.SecretsUnavailable");
            assertThat(error.get("errorMessage").asText()).contains("fails its integrity check").doesNotContain(PASSWORD, PEM_LINE);
            assertThat(function.output()).doesNotContain(PASSWORD, PEM_LINE);
        }
    }

    @Test
    void aFileOfAnotherStageIsAnInitErrorNamingBothStages() throws IOException {
        PackagedManifest manifest = manifest("secrets-rie-test");
        new MotoSealedFiles(kms).write(secretsFile(), new StageBinding("secrets-rie-production", "production"), PLAIN);

        try (EmulatedFunction function = start(manifest)) {
            JsonNode error = get(function, "/secret", "name=DB_PASSWORD");

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.SecretsUnavailable");
            assertThat(error.get("errorMessage").asText())
                    .contains("belongs to stage production (name secrets-rie-production), not to stage test (name secrets-rie-test)");
        }
    }

    @Test
    void theRuntimesJvmStartedWithoutTheLauncherRefusesToStartWithoutTheSecrets() throws IOException {
        PackagedManifest manifest = manifest("secrets-rie-no-launcher");
        new MotoSealedFiles(kms).write(secretsFile(), new StageBinding(manifest.name(), manifest.stage()), PLAIN);

        try (EmulatedFunction function = SampleFunctions.startWithoutLauncher(taskRoot, manifest, environment())) {
            JsonNode error = get(function, "/secret", "name=DB_PASSWORD");

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.SecretsUnavailable");
            assertThat(error.get("errorMessage").asText()).contains("are not in the process environment (no HOVER_SECRETS)",
                    "the image's entry point (hover-launch) decrypts them");
        }
    }
}
