package dev.hover.plugin.secrets;

import dev.hover.plugin.aws.KmsKeys;
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
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encrypt and decrypt against moto's KMS (real AES-GCM, real encryption context checks). */
class StageSecretsMotoTest {
    static final String PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----";
    /** Every secret value of the plain file below: none may ever appear in output. */
    static final List<String> VALUES = List.of("s3cr3t pass\"word", "tok_live_5f2a9c", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "MzEfYyjiWA4R4");
    static final String PLAIN = """
            # the database
            export DB_PASSWORD="s3cr3t pass\\"word"
            API_TOKEN='tok_live_5f2a9c'   # from the dashboard
            TLS_KEY="%s"
            """.formatted(PEM);

    private static KmsClient kms;
    private static StsClient sts;

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void startMoto() {
        LocalAws.moto().applyToSystemProperties();
        kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void closeClients() {
        kms.close();
        sts.close();
    }

    private static StageBinding newStage(String stage) {
        return new StageBinding("shop" + UUID.randomUUID().toString().substring(0, 8) + "-" + stage, stage);
    }

    private StageSecrets secrets(StageBinding stage) {
        KmsKeys keys = new KmsKeys(kms);
        return new StageSecrets(project.resolve(".hover"), stage, keys,
                new StageKey(keys, () -> sts.getCallerIdentity().arn()), log::add);
    }

    private Path plainFile(String stage) {
        return project.resolve(".hover/" + stage + "-secrets.plain.env");
    }

    private Path encryptedFile(String stage) {
        return project.resolve(".hover/" + stage + "-secrets.env");
    }

    private void writePlain(String stage, String text) throws Exception {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(plainFile(stage), text);
    }

    private StageBinding encrypted(String stageName) throws Exception {
        StageBinding stage = newStage(stageName);
        writePlain(stageName, PLAIN);
        secrets(stage).encrypt();
        return stage;
    }

    private static SecretsException failure(ThrowingRunnable action) {
        try {
            action.run();
        } catch (SecretsException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a SecretsException", e);
        }
        throw new AssertionError("expected a SecretsException, nothing was thrown");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void roundTripsMultiLineAndQuotedValuesKeepingTheFileAsWritten() throws Exception {
        StageBinding stage = encrypted("staging");

        assertThat(plainFile("staging")).doesNotExist();
        String encrypted = Files.readString(encryptedFile("staging"));
        assertThat(encrypted).contains("keys: DB_PASSWORD API_TOKEN TLS_KEY", "stage: staging");
        assertThat(encrypted).doesNotContain(VALUES);

        secrets(stage).decrypt();

        assertThat(Files.readString(plainFile("staging"))).isEqualTo(PLAIN);
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Decrypted 3 secrets (DB_PASSWORD, API_TOKEN, TLS_KEY) of stage staging into"));
        assertThat(String.join("\n", log)).doesNotContain(VALUES);
    }

    @Test
    void createsTheStageKeyOnceWithAliasPolicyAndTags() throws Exception {
        StageBinding stage = encrypted("staging");
        String alias = "alias/" + stage.name() + "-secrets-key";

        KeyMetadata key = kms.describeKey(r -> r.keyId(alias)).keyMetadata();
        assertThat(kms.listResourceTags(r -> r.keyId(key.keyId())).tags()).extracting(Tag::tagKey, Tag::tagValue)
                .contains(org.assertj.core.groups.Tuple.tuple("hover:name", stage.name()),
                        org.assertj.core.groups.Tuple.tuple("hover:stage", "staging"));
        assertThat(kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy())
                .contains("kms:EncryptionContext:hover:name", stage.name());
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Created KMS key " + key.arn()));
        assertThat(Files.readString(encryptedFile("staging"))).contains("kms-key: " + key.arn());

        log.clear();
        writePlain("staging", "A=1\n");
        secrets(stage).encrypt();

        assertThat(log).noneSatisfy(line -> assertThat(line).startsWith("Created KMS key"));
        assertThat(kms.describeKey(r -> r.keyId(alias)).keyMetadata().arn()).isEqualTo(key.arn());
    }

    @Test
    void writesThePlainFileForItsOwnerOnlyAndIgnoresItInGit() throws Exception {
        StageBinding stage = encrypted("staging");

        secrets(stage).decrypt();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plainFile("staging")))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(project.resolve(".hover/.gitignore"))).contains("*-secrets.plain.env");
    }

    @Test
    void encryptAddsThePatternToAnExistingGitignore() throws Exception {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/.gitignore"), "local.yml\n");

        encrypted("staging");

        assertThat(Files.readAllLines(project.resolve(".hover/.gitignore"))).startsWith("local.yml").contains("*-secrets.plain.env");
    }

    @Test
    void rejectsATamperedCiphertext() throws Exception {
        StageBinding stage = encrypted("staging");
        String text = Files.readString(encryptedFile("staging"));
        int sealedLine = text.indexOf("\n  ", text.indexOf("sealed:")) + 3;
        char flipped = text.charAt(sealedLine) == 'A' ? 'B' : 'A';
        Files.writeString(encryptedFile("staging"), text.substring(0, sealedLine) + flipped + text.substring(sealedLine + 1));

        SecretsException e = failure(() -> secrets(stage).decrypt());

        assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(e).hasMessage(".hover/staging-secrets.env: the sealed content fails its integrity check (AES-GCM tag): "
                + "the file was altered after encryption");
        assertThat(plainFile("staging")).doesNotExist();
    }

    @Test
    void rejectsATamperedEncryptedDataKey() throws Exception {
        StageBinding stage = encrypted("staging");
        String text = Files.readString(encryptedFile("staging"));
        String dataKey = text.substring(text.indexOf("data-key:\n") + 10, text.indexOf("nonce:")).replaceAll("\\s", "");
        byte[] blob = Base64.getDecoder().decode(dataKey);
        blob[blob.length - 5] ^= 0x01;
        String altered = text.substring(0, text.indexOf("data-key:\n")) + "data-key: " + Base64.getEncoder().encodeToString(blob)
                + "\n" + text.substring(text.indexOf("nonce:"));
        Files.writeString(encryptedFile("staging"), altered);

        SecretsException e = failure(() -> secrets(stage).decrypt());

        assertThat(e.reason()).isEqualTo(Reason.TAMPERED);
        assertThat(e).hasMessageStartingWith("KMS refuses the encrypted data key under this stage's encryption context");
    }

    @Test
    void rejectsATruncatedFile() throws Exception {
        StageBinding stage = encrypted("staging");
        String text = Files.readString(encryptedFile("staging"));
        Files.writeString(encryptedFile("staging"), text.substring(0, text.length() - 30));

        SecretsException e = failure(() -> secrets(stage).decrypt());

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e).hasMessageStartingWith(".hover/staging-secrets.env: the sealed content is truncated");
    }

    @Test
    void refusesAFileOfStageAForStageB() throws Exception {
        StageBinding a = encrypted("a");
        StageBinding b = newStage("b");
        Files.copy(encryptedFile("a"), encryptedFile("b"));

        SecretsException e = failure(() -> secrets(b).decrypt());

        assertThat(e.reason()).isEqualTo(Reason.WRONG_STAGE);
        assertThat(e).hasMessageStartingWith(".hover/b-secrets.env belongs to " + a + ", not to " + b);
    }

    @Test
    void refusesAnUnknownFormatVersion() throws Exception {
        StageBinding stage = encrypted("staging");
        Path file = encryptedFile("staging");
        Files.writeString(file, Files.readString(file).replace("hover-secrets: 1", "hover-secrets: 7"));

        assertThat(failure(() -> secrets(stage).decrypt()).reason()).isEqualTo(Reason.UNKNOWN_VERSION);
    }

    @Test
    void refusesToEncryptWithADisabledKeyOrOnePendingDeletion() throws Exception {
        StageBinding stage = encrypted("staging");
        String keyId = kms.describeKey(r -> r.keyId("alias/" + stage.name() + "-secrets-key")).keyMetadata().keyId();
        kms.disableKey(r -> r.keyId(keyId));
        writePlain("staging", "A=1\n");

        assertThat(failure(() -> secrets(stage).encrypt()))
                .hasMessageContaining("is disabled: enable it")
                .extracting(SecretsException::reason).isEqualTo(Reason.KEY_UNUSABLE);

        kms.enableKey(r -> r.keyId(keyId));
        kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));

        assertThat(failure(() -> secrets(stage).encrypt())).hasMessageContaining("cancel the deletion");
        assertThat(plainFile("staging")).exists();
    }

    @Test
    void reportsAPlainFileErrorByLineWithoutCreatingAKey() throws Exception {
        StageBinding stage = newStage("staging");
        writePlain("staging", "A=1\nB=\"tok_live_5f2a9c\n");

        assertThat(failure(() -> secrets(stage).encrypt()))
                .hasMessage(".hover/staging-secrets.plain.env, line 2: the double-quoted value opened here is never closed");
        assertThat(kms.listAliases().aliases()).noneMatch(alias -> alias.aliasName().contains(stage.name()));
    }

    @Test
    void decryptKeepsAPlainFileWithUnencryptedChanges() throws Exception {
        StageBinding stage = encrypted("staging");
        writePlain("staging", PLAIN + "NEW=1\n");

        assertThat(failure(() -> secrets(stage).decrypt()))
                .hasMessageStartingWith(".hover/staging-secrets.plain.env exists and differs from .hover/staging-secrets.env");
        assertThat(Files.readString(plainFile("staging"))).endsWith("NEW=1\n");
    }

    @Test
    void encryptWithoutPlainFileSaysWhatToDo() {
        assertThat(failure(() -> secrets(newStage("staging")).encrypt()))
                .hasMessageStartingWith("There is no .hover/staging-secrets.plain.env to encrypt");
    }
}
