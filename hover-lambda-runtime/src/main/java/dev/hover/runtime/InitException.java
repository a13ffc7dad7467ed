package dev.hover.runtime;

/**
 * Cold start cannot complete; reported to the Runtime API's init error endpoint as
 * {@code Runtime.<kind>} with this message.
 */
public class InitException extends Exception {
    private final String kind;

    public InitException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    public InitException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** E.g. {@code AppStartFailed}, sent as {@code Runtime.AppStartFailed}. */
    public String kind() {
        return kind;
    }
}
