package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KmsFailuresTest {
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/k";

    @Test
    void accessDeniedNamesThePermissionTheKeyAndWhoNeedsIt() {
        SecretsException e = KmsFailures.translate("kms:Decrypt", KEY, "the function's role",
                "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/r/f is not authorized to perform: kms:Decrypt");

        assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(e).hasMessage("missing permission kms:Decrypt on KMS key " + KEY + ": grant it to the function's role"
                + " (KMS: User: arn:aws:sts::123456789012:assumed-role/r/f is not authorized to perform: kms:Decrypt)");
    }

    @Test
    void tellsDisabledAndPendingDeletionKeysApart() {
        assertThat(KmsFailures.translate("kms:Decrypt", KEY, "you", "DisabledException", null))
                .hasMessage("KMS key " + KEY + " is disabled: enable it (aws kms enable-key --key-id " + KEY + ")");
        assertThat(KmsFailures.translate("kms:Decrypt", KEY, "you", "KMSInvalidStateException", "pending deletion"))
                .hasMessageContaining("pending deletion: cancel the deletion (aws kms cancel-key-deletion --key-id " + KEY + ")")
                .extracting(SecretsException::reason).isEqualTo(Reason.KEY_UNUSABLE);
    }

    @Test
    void invalidCiphertextMeansAlteredOrAnotherStage() {
        assertThat(KmsFailures.translate("kms:Decrypt", KEY, "you", "InvalidCiphertextException", null))
                .hasMessageContaining("was altered, or the file belongs to another stage")
                .extracting(SecretsException::reason).isEqualTo(Reason.TAMPERED);
    }

    @Test
    void keepsUnknownErrorCodes() {
        assertThat(KmsFailures.translate("kms:GenerateDataKey", KEY, "you", "ThrottlingException", "Rate exceeded"))
                .hasMessage("kms:GenerateDataKey on KMS key " + KEY + " failed: ThrottlingException (KMS: Rate exceeded)");
    }

    @Test
    void acceptsOnlyEnabledKeys() {
        KmsFailures.requireUsable(KEY, "Enabled");
        assertThatThrownBy(() -> KmsFailures.requireUsable(KEY, "Disabled")).hasMessageContaining("is disabled");
        assertThatThrownBy(() -> KmsFailures.requireUsable(KEY, "PendingDeletion")).hasMessageContaining("cancel the deletion");
        assertThatThrownBy(() -> KmsFailures.requireUsable(KEY, "PendingImport")).hasMessage("KMS key " + KEY + " is PendingImport and cannot be used");
    }
}
