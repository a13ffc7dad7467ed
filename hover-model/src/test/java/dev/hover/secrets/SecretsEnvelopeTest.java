package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsEnvelopeTest {
    private static final StageBinding STAGING = new StageBinding("shop-staging", "staging");
    private static final StageBinding PRODUCTION = new StageBinding("shop-production", "production");
    private static final String PLAIN = """
            # database
            export DB_PASSWORD="pa ss\\"word"
            API_TOKEN='tok$en'
            TLS_KEY="-----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
            -----END PRIVATE KEY-----"
            """;

    private final SecretsEnvelope envelope = new SecretsEnvelope();
    private final FakeDataKeys kms = new FakeDataKeys();

    private EncryptedSecretsFile sealStaging() {
        return envelope.seal(PLAIN, STAGING, "plain", kms);
    }

    private PlainSecrets open(String fileText, StageBinding expected) {
        return envelope.open(EncryptedSecretsFile.parse(fileText, "secrets.env"), expected, "secrets.env", kms);
    }

    @Test
    void roundTripsTheTextAndItsValuesThroughTheRenderedFile() {
        PlainSecrets opened = open(sealStaging().render(), STAGING);

        assertThat(opened.text()).isEqualTo(PLAIN);
        assertThat(opened.values()).containsExactly(
                Map.entry("DB_PASSWORD", "pa ss\"word"),
                Map.entry("API_TOKEN", "tok$en"),
                Map.entry("TLS_KEY", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"));
        assertThat(opened.toString()).doesNotContain("word", "tok$en", "MIIE");
    }

    @Test
    void theRenderedFileShowsKeyNamesButNoValue() {
        String text = sealStaging().render();

        assertThat(text).contains("keys: DB_PASSWORD API_TOKEN TLS_KEY\n", "stage: staging\n", "name: shop-staging\n")
                .doesNotContain("pa ss", "tok$en", "MIIE");
    }

    @Test
    void refusesAFileOfAnotherStageBeforeCallingKms() {
        assertThatThrownBy(() -> open(sealStaging().render(), PRODUCTION))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("belongs to stage staging (name shop-staging), not to stage production (name shop-production)")
                .extracting(e -> ((SecretsException) e).reason()).isEqualTo(Reason.WRONG_STAGE);
    }

    @Test
    void refusesAFileWhoseHeaderWasEditedToClaimAnotherStage() {
        String edited = sealStaging().render().replace("name: shop-staging", "name: shop-production")
                .replace("stage: staging", "stage: production");

        assertThatThrownBy(() -> open(edited, PRODUCTION))
                .extracting(e -> ((SecretsException) e).reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void refusesAlteredSealedContent() {
        EncryptedSecretsFile file = sealStaging();
        byte[] sealed = file.sealed();
        sealed[3] ^= 1;
        EncryptedSecretsFile altered = new EncryptedSecretsFile(
                file.binding(), file.keyId(), file.keyNames(), file.encryptedDataKey(), file.nonce(), sealed);

        assertThatThrownBy(() -> open(altered.render(), STAGING))
                .hasMessage("secrets.env: the sealed content fails its integrity check (AES-GCM tag): the file was altered after encryption");
    }

    @Test
    void refusesAnAlteredKeyList() {
        String edited = sealStaging().render().replace("keys: DB_PASSWORD API_TOKEN TLS_KEY", "keys: DB_PASSWORD TLS_KEY");

        assertThatThrownBy(() -> open(edited, STAGING))
                .extracting(e -> ((SecretsException) e).reason()).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void refusesAnAlteredNonce() {
        EncryptedSecretsFile file = sealStaging();
        byte[] nonce = file.nonce();
        nonce[0] ^= 1;
        String edited = file.render().replace(Base64.getEncoder().encodeToString(file.nonce()), Base64.getEncoder().encodeToString(nonce));

        assertThatThrownBy(() -> open(edited, STAGING)).hasMessageContaining("fails its integrity check");
    }

    @Test
    void refusesToSealAnInvalidPlainFileNamingItsLine() {
        assertThatThrownBy(() -> envelope.seal("A=1\nB='open\n", STAGING, ".hover/staging-secrets.plain.env", kms))
                .hasMessage(".hover/staging-secrets.plain.env, line 2: the single-quoted value opened here is never closed");
    }

    @Test
    void sealsAnEmptyFile() {
        assertThat(open(envelope.seal("# nothing yet\n", STAGING, "plain", kms).render(), STAGING).values()).isEmpty();
    }

    @Test
    void eachSealUsesAFreshDataKeyAndNonce() {
        EncryptedSecretsFile first = sealStaging();
        EncryptedSecretsFile second = sealStaging();

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.encryptedDataKey()).isNotEqualTo(second.encryptedDataKey());
    }
}
