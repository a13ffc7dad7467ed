package dev.hover.plugin.stage;

/** A stage that cannot be created or used as asked; the message says why and what to do. */
public class StageException extends RuntimeException {
    public StageException(String message) {
        super(message);
    }
}
