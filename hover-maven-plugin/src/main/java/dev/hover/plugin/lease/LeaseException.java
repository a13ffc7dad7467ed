package dev.hover.plugin.lease;

/** The stage's lease is someone else's, or was lost; the message names the holder and what to do. */
public class LeaseException extends RuntimeException {
    public LeaseException(String message) {
        super(message);
    }
}
