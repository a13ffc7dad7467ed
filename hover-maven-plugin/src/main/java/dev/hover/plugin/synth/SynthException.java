package dev.hover.plugin.synth;

/** A template that cannot be written; the message says why and what to do. */
public class SynthException extends RuntimeException {
    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
