package dev.hover.runtime.queue;

/** A job attempt ran past its timeout, or past the invocation's remaining time, and was interrupted. */
public final class JobTimeoutException extends Exception {
    public JobTimeoutException(String message) {
        super(message);
    }
}
