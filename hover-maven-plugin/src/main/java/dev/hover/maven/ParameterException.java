package dev.hover.maven;

import dev.hover.model.HoverException;

/** A {@code hover.*} parameter that cannot be used as given: unknown, empty, or not of its type. */
public class ParameterException extends HoverException {
    public ParameterException(String message) {
        super(message);
    }
}
