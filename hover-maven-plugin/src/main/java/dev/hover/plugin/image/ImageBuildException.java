package dev.hover.plugin.image;

/**
 * A build that cannot go on; the message says what was wrong, where, and what to try
 * ("…; perhaps you should …").
 */
public class ImageBuildException extends RuntimeException {
    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
