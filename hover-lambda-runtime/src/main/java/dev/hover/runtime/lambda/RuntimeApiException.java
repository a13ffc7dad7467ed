package dev.hover.runtime.lambda;

/** The Runtime API answered in a way the runtime cannot go on from; the process should exit. */
public class RuntimeApiException extends RuntimeException {
    public RuntimeApiException(String message) {
        super(message);
    }

    public RuntimeApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
