package dev.hover.secrets;

import dev.hover.model.HoverException;

/**
 * A secrets operation that cannot go on. The message says what went wrong and where, and never
 * contains a secret value: it is printed by Maven and reported as a Lambda init error.
 */
public class SecretsException extends HoverException {
    /** What kind of failure this is; the runtime reports it as the init error's type. */
    public enum Reason {
        /** The plain file is not valid dotenv. */
        SYNTAX,
        /** The encrypted file is not a Hover secrets file, or a field is unreadable. */
        MALFORMED,
        /** The encrypted file was written by a newer (or unknown) format version. */
        UNKNOWN_VERSION,
        /** The encrypted file ends early. */
        TRUNCATED,
        /** The content or the encrypted data key was altered. */
        TAMPERED,
        /** The file belongs to another stage or app. */
        WRONG_STAGE,
        /** KMS refused for lack of permission. */
        ACCESS_DENIED,
        /** The stage key is missing, disabled or pending deletion. */
        KEY_UNUSABLE,
        /** A key is both a secret and in the manifest's environment. */
        CONFLICT,
        /** KMS or the file system failed for another reason. */
        OTHER
    }

    private final Reason reason;

    public SecretsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SecretsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
