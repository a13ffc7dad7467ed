package dev.hover.plugin.queue;

/** A queue goal that cannot do what it was asked; the message says why and what to do. */
public class QueueGoalException extends RuntimeException {
    public QueueGoalException(String message) {
        super(message);
    }
}
