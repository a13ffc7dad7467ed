package dev.hover.model.packaged;

/** The packaged manifest cannot be read; the message names the file and what is wrong where. */
public class PackagedManifestException extends RuntimeException {
    public PackagedManifestException(String message) {
        super(message);
    }

    public PackagedManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
