package dev.hover.model.packaged;

import dev.hover.model.HoverException;

/** The packaged manifest cannot be read; the message names the file and what is wrong where. */
public class PackagedManifestException extends HoverException {
    public PackagedManifestException(String message) {
        super(message);
    }

    public PackagedManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
