package dev.hover.runtime.queue;

/**
 * A job came back after its last try (it released itself on it, or its function died during it), so
 * it fails without running again.
 */
public final class TriesExhaustedException extends Exception {
    public TriesExhaustedException(String message) {
        super(message);
    }
}
