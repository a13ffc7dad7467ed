package dev.hover.plugin.aws;

/** An AWS problem explained for the person deploying: what went wrong and what to do about it. */
public class AwsException extends RuntimeException {
    public AwsException(String message) {
        super(message);
    }

    public AwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
