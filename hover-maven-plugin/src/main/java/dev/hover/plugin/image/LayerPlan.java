package dev.hover.plugin.image;

import java.util.List;

/**
 * The layers above the base image and the class path they make.
 *
 * @param layers    least often changed first; empty layers left out
 * @param classpath  the runtime, then the application, then its libraries
 * @param jvmOptions what the application's packaging needs on the JVM's command line (a Quarkus
 *                   runner's {@code --add-opens}), before the stage's {@code java.jvm-options}
 */
public record LayerPlan(List<ImageSpec.Layer> layers, List<String> classpath, List<String> jvmOptions) {
    public LayerPlan {
        layers = List.copyOf(layers);
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
