package dev.hover.plugin.image;

import dev.hover.model.HoverException;

/**
 * A build that cannot go on; the message says what was wrong, where, and what to try
 * ("…; perhaps you should …").
 */
public class ImageBuildException extends HoverException {
    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
