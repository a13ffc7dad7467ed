package dev.hover.plugin.synth;

import dev.hover.model.HoverException;

/** A template that cannot be written; the message says why and what to do. */
public class SynthException extends HoverException {
    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
