package dev.hover.plugin.local;

import dev.hover.model.HoverException;

/** {@code hover:run} cannot start, or a local command cannot reach it; the message says what to do. */
public class LocalRunException extends HoverException {
    public LocalRunException(String message) {
        super(message);
    }

    public LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
