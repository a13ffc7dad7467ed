package dev.hover.plugin.queue;

import dev.hover.model.HoverException;

/** A queue goal that cannot do what it was asked; the message says why and what to do. */
public class QueueGoalException extends HoverException {
    public QueueGoalException(String message) {
        super(message);
    }
}
