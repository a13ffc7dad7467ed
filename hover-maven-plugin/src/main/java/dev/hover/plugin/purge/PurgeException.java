package dev.hover.plugin.purge;

import dev.hover.model.HoverException;

/** A purge that cannot start, or that left builds behind; the message says why and what to do. */
public class PurgeException extends HoverException {
    public PurgeException(String message) {
        super(message);
    }
}
