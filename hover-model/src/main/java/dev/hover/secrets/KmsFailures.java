package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;

/**
 * Turns a KMS error (its error code and message, so this stays free of AWS types) into a message
 * that says what failed and what to do. Shared by the plugin's and the runtime's {@link DataKeys}.
 */
public final class KmsFailures {
    private KmsFailures() {
    }

    /**
     * @param action    the KMS permission the call needs, e.g. {@code kms:Decrypt}
     * @param keyId     the key the call was about
     * @param principal who made the call, for the advice, e.g. "the function's role"
     * @param errorCode KMS's error code, e.g. {@code AccessDeniedException}
     * @param message   KMS's message (names the caller and the action, never key material)
     */
    public static SecretsException translate(String action, String keyId, String principal, String errorCode, String message) {
        String detail = message == null || message.isBlank() ? "" : " (KMS: " + message + ")";
        return switch (errorCode == null ? "" : errorCode) {
            case "AccessDeniedException" -> new SecretsException(Reason.ACCESS_DENIED,
                    "missing permission " + action + " on KMS key " + keyId + ": grant it to " + principal + detail);
            case "DisabledException" -> new SecretsException(Reason.KEY_UNUSABLE,
                    "KMS key " + keyId + " is disabled: enable it (aws kms enable-key --key-id " + keyId + ")" + detail);
            case "KMSInvalidStateException" -> new SecretsException(Reason.KEY_UNUSABLE,
                    "KMS key " + keyId + " cannot be used in its current state, usually pending deletion: "
                            + "cancel the deletion (aws kms cancel-key-deletion --key-id " + keyId + ") and enable it" + detail);
            case "NotFoundException" -> new SecretsException(Reason.KEY_UNUSABLE,
                    "KMS key " + keyId + " does not exist in this account and region" + detail);
            case "InvalidCiphertextException" -> new SecretsException(Reason.TAMPERED,
                    "KMS refuses the encrypted data key under this stage's encryption context: the data key "
                            + "in the file was altered, or the file belongs to another stage or app" + detail);
            case "IncorrectKeyException" -> new SecretsException(Reason.TAMPERED,
                    "the data key in the file was not encrypted under KMS key " + keyId
                            + ": the file was altered, or it belongs to another stage" + detail);
            default -> new SecretsException(Reason.OTHER,
                    action + " on KMS key " + keyId + " failed: " + (errorCode == null ? "" : errorCode) + detail);
        };
    }

    /** Fails unless the key's state ({@code KeyState} of DescribeKey) lets it encrypt and decrypt. */
    public static void requireUsable(String keyId, String keyState) {
        switch (keyState) {
            case "Enabled" -> {
            }
            case "Disabled" -> throw translate("", keyId, "", "DisabledException", "");
            case "PendingDeletion", "PendingReplicaDeletion" -> throw translate("", keyId, "", "KMSInvalidStateException", "");
            default -> throw new SecretsException(Reason.KEY_UNUSABLE, "KMS key " + keyId + " is " + keyState + " and cannot be used");
        }
    }
}
