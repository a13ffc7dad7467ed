package dev.hover.plugin.rollback;

/** A rollback that cannot be done as asked; nothing was moved, and the message says why and what to do. */
public class RollbackException extends RuntimeException {
    public RollbackException(String message) {
        super(message);
    }
}
