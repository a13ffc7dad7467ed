package dev.hover.plugin.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The layers above the base image and the class path they make.
 *
 * @param layers           least often changed first; empty layers left out
 * @param classpath        the runtime, then the application, then its libraries
 * @param jvmOptions       what the application's packaging needs on the JVM's command line (a
 *                         Quarkus runner's {@code --add-opens}), before the stage's {@code java.jvm-options}
 */
public record LayerPlan(List<ImageSpec.Layer> layers, List<String> classpath, List<String> jvmOptions) {
    public LayerPlan {
        layers = List.copyOf(layers);
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The same plan with some files of the image taken from elsewhere, keyed by their path in the image. */
    LayerPlan withSources(Map<String, Path> sourceByTarget) {
        List<ImageSpec.Layer> replaced = layers.stream().map(layer -> new ImageSpec.Layer(layer.name(),
                layer.entries().stream().map(entry -> sourceByTarget.containsKey(entry.target())
                        ? new ImageSpec.Entry(sourceByTarget.get(entry.target()).toAbsolutePath().toString(), entry.target(),
                                entry.permissions())
                        : entry).toList())).toList();
        return new LayerPlan(replaced, classpath, jvmOptions);
    }
}
