package dev.hover.plugin.aws;

import dev.hover.model.HoverException;

/** An AWS problem explained for the person deploying: what went wrong and what to do about it. */
public class AwsException extends HoverException {
    public AwsException(String message) {
        super(message);
    }

    public AwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
