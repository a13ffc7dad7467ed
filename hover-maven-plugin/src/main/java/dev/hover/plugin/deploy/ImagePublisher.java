package dev.hover.plugin.deploy;

import dev.hover.plugin.image.BuildDescriptor;

/** Puts a build's image in the stage's repository (the image module's Jib push). */
@FunctionalInterface
public interface ImagePublisher {
    /**
     * @return the pushed image by digest, {@code <repository>@sha256:…}, as functions reference it
     */
    PublishedImage publish(BuildDescriptor build, ImageDestination destination);

    /**
     * @param reference     {@code <repository>@sha256:…}
     * @param layersPushed  how many layers went over the wire (the registry had the others)
     */
    record PublishedImage(String reference, int layersPushed) {
    }
}
