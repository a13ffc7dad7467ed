package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;

import java.util.Optional;

/** Turns what Jib throws into what went wrong, where, and what to try, in Jib's own style. */
final class ImageFailures {
    private final ImageSpec spec;
    private final ImageTarget target;
    private final boolean allowInsecureRegistries;
    private final boolean offline;

    ImageFailures(ImageSpec spec, ImageTarget target, boolean allowInsecureRegistries, boolean offline) {
        this.spec = spec;
        this.target = target;
        this.allowInsecureRegistries = allowInsecureRegistries;
        this.offline = offline;
    }

    ImageBuildException invalidReference(InvalidImageReferenceException e) {
        return new ImageBuildException("'" + e.getInvalidReference() + "' is not an image reference;"
                + " perhaps you should write it like public.ecr.aws/lambda/java:21 (java.base-image)"
                + " or 123456789012.dkr.ecr.us-east-1.amazonaws.com/app (hover.image)", e);
    }

    /** @param baseImageReached whether Jib got the base image's manifest before failing */
    ImageBuildException explain(Exception failure, boolean baseImageReached) {
        Optional<RegistryUnauthorizedException> unauthorized = find(failure, RegistryUnauthorizedException.class);
        if (unauthorized.isPresent()) {
            String image = unauthorized.get().getImageReference();
            return isTarget(image)
                    ? new ImageBuildException("The registry refused the credentials for " + target.reference()
                    + " (" + rootMessage(unauthorized.get()) + "); perhaps you should check the credentials given for "
                    + host(target.reference()) + " (docker login " + host(target.reference())
                    + ", or the stage's AWS profile for ECR) and that they may push to this repository", failure)
                    : new ImageBuildException("The base image " + spec.baseImage() + " needs credentials that "
                    + host(spec.baseImage()) + " did not accept (" + rootMessage(unauthorized.get())
                    + "); perhaps you should log in to it (docker login " + host(spec.baseImage())
                    + ") or choose a public base image in java.base-image", failure);
        }
        if (find(failure, RegistryAuthenticationFailedException.class).isPresent()) {
            return new ImageBuildException("Authentication with a registry failed: " + rootMessage(failure)
                    + "; perhaps you should check the credentials for " + host(target.reference()), failure);
        }
        if (find(failure, RegistryCredentialsNotSentException.class).isPresent()) {
            return new ImageBuildException("Credentials were not sent because the registry answers over plain HTTP ("
                    + rootMessage(failure) + "); perhaps you should use HTTPS, or set -DsendCredentialsOverHttp=true"
                    + " if you trust the network", failure);
        }
        if (find(failure, InsecureRegistryException.class).isPresent() && !allowInsecureRegistries) {
            return new ImageBuildException(rootMessage(failure) + "; perhaps you should set"
                    + " -Dhover.allowInsecureRegistries=true if you trust that registry", failure);
        }
        if (offline && !baseImageReached && !spec.baseImage().startsWith(Jib.TAR_IMAGE_PREFIX)) {
            return new ImageBuildException("Maven is offline (-o), and the base image " + spec.baseImage()
                    + " is not in Jib's cache (" + rootMessage(failure) + "); perhaps you should build once without -o,"
                    + " which keeps its layers in Jib's cache", failure);
        }
        if (!baseImageReached && !spec.baseImage().startsWith(Jib.TAR_IMAGE_PREFIX)) {
            return new ImageBuildException("The base image " + spec.baseImage() + " could not be reached ("
                    + rootMessage(failure) + "); perhaps you should check java.base-image, your network and proxy,"
                    + " or log in to " + host(spec.baseImage()) + " (docker login)", failure);
        }
        if (target instanceof ImageTarget.Tar tar) {
            return new ImageBuildException("Could not write the image to " + tar.file() + " ("
                    + rootMessage(failure) + "); perhaps you should check that the directory is writable", failure);
        }
        return new ImageBuildException("Could not push the image to " + target.reference() + " ("
                + rootMessage(failure) + "); perhaps you should check that " + host(target.reference())
                + " is reachable and the repository's name is right", failure);
    }

    private boolean isTarget(String failedImage) {
        if (target instanceof ImageTarget.Tar) {
            return false;
        }
        try {
            ImageReference pushed = ImageReference.parse(target.reference());
            return failedImage != null && failedImage.startsWith(pushed.getRegistry() + "/" + pushed.getRepository());
        } catch (InvalidImageReferenceException e) {
            return false;
        }
    }

    private static String host(String image) {
        try {
            return ImageReference.parse(image).getRegistry();
        } catch (InvalidImageReferenceException e) {
            return image;
        }
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
