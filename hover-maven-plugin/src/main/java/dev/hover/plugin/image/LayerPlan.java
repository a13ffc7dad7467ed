package dev.hover.plugin.image;

import java.util.List;

/**
 * The layers above the base image and the class path they make.
 *
 * @param layers    least often changed first; empty layers left out
 * @param classpath the runtime, then the application, then its libraries
 */
public record LayerPlan(List<ImageSpec.Layer> layers, List<String> classpath) {
    public LayerPlan {
        layers = List.copyOf(layers);
        classpath = List.copyOf(classpath);
    }
}
