package dev.hover.plugin.image;

import java.util.Objects;

/**
 * Where an image was written and what it is.
 *
 * @param kind     {@link Kind#REGISTRY} or {@link Kind#TAR}
 * @param location the image reference pushed to, or the tar file's absolute path
 * @param digest   the digest of the image manifest, {@code sha256:…}
 * @param imageId  the digest of the image configuration, {@code sha256:…}
 */
public record ImageOutput(Kind kind, String location, String digest, String imageId) {
    public enum Kind { REGISTRY, TAR }

    public ImageOutput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(imageId, "imageId");
    }
}
