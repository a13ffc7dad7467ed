package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.Credential;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where an image goes: a registry (ECR during deploy, any registry by reference) or an OCI tar. */
public sealed interface ImageTarget {

    /** The image's name: the registry reference, or the name recorded in the tar. */
    String reference();

    /**
     * @param reference  {@code host/repository[:tag]}
     * @param credential what to log in with (deploy passes ECR's); when empty, the user's Docker
     *                   configuration and credential helpers are asked, as {@code docker push} would
     */
    record Registry(String reference, Optional<Credential> credential) implements ImageTarget {
        public Registry {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * @param file      the OCI image layout tar to write ({@code target/hover/<stage>/image.tar})
     * @param reference the image name recorded in it
     */
    record Tar(Path file, String reference) implements ImageTarget {
        public Tar {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reference, "reference");
        }
    }

    static ImageTarget registry(String reference, Optional<Credential> credential) {
        return new Registry(reference, credential);
    }

    static ImageTarget tar(Path file, String reference) {
        return new Tar(file, reference);
    }

    /** {@code host/repo} → {@code host/repo:<tag>}; a reference that has a tag or a digest stays. */
    static String taggedIfUntagged(String reference, String tag) {
        int slash = reference.lastIndexOf('/');
        boolean tagged = reference.contains("@") || reference.lastIndexOf(':') > slash;
        return tagged ? reference : reference + ":" + tag;
    }
}
