package dev.hover.runtime.queue;

/** A queue message that is not a job this runtime can run: bad JSON, another format, an unknown class. */
public final class InvalidJobMessageException extends Exception {
    public InvalidJobMessageException(String message) {
        super(message);
    }

    public InvalidJobMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
