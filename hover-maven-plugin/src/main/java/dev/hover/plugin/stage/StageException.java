package dev.hover.plugin.stage;

import dev.hover.model.HoverException;

/** A stage that cannot be created or used as asked; the message says why and what to do. */
public class StageException extends HoverException {
    public StageException(String message) {
        super(message);
    }
}
