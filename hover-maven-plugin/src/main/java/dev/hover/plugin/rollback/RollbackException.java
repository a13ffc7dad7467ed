package dev.hover.plugin.rollback;

import dev.hover.model.HoverException;

/** A rollback that cannot be done as asked; nothing was moved, and the message says why and what to do. */
public class RollbackException extends HoverException {
    public RollbackException(String message) {
        super(message);
    }
}
