package dev.hover.plugin.deploy;

import dev.hover.model.HoverException;

/** A deploy that stopped; the message says why and what state the stage was left in. */
public class DeployException extends HoverException {
    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
