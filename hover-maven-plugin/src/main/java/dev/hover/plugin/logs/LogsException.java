package dev.hover.plugin.logs;

/** Logs that cannot be read as asked; the message says why and what to do. */
public class LogsException extends RuntimeException {
    public LogsException(String message) {
        super(message);
    }
}
