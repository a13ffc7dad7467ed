package dev.hover.runtime.http;

/** The application's server no longer accepts connections: the invocation fails and the container retires. */
public final class ApplicationGoneException extends RuntimeException {
    ApplicationGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
