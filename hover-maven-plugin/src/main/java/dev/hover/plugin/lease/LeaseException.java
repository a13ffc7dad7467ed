package dev.hover.plugin.lease;

import dev.hover.model.HoverException;

/** The stage's lease is someone else's, or was lost; the message names the holder and what to do. */
public class LeaseException extends HoverException {
    public LeaseException(String message) {
        super(message);
    }
}
