package dev.hover.plugin.logs;

import dev.hover.model.HoverException;

/** Logs that cannot be read as asked; the message says why and what to do. */
public class LogsException extends HoverException {
    public LogsException(String message) {
        super(message);
    }
}
