package dev.hover.plugin.image;

import dev.hover.model.Architecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an image is made of, independent of where it goes: the same spec pushed twice gives
 * the same image digest (Jib fixes timestamps and orders entries).
 *
 * @param baseImage        the image the layers go on (registry reference)
 * @param architecture     the single platform the image is built for (linux)
 * @param entrypoint       the container's entry point, exec form
 * @param workingDirectory the container's working directory
 * @param environment      variables set in the image, on top of the base image's
 * @param labels           image labels
 * @param layers           the layers above the base image, least often changed first
 */
public record ImageSpec(
        String baseImage,
        Architecture architecture,
        List<String> entrypoint,
        String workingDirectory,
        Map<String, String> environment,
        Map<String, String> labels,
        List<Layer> layers) {

    public ImageSpec {
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        entrypoint = List.copyOf(entrypoint);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        layers = List.copyOf(layers);
    }

    /**
     * One layer: files copied from the build machine to absolute paths in the image.
     *
     * @param name    what the layer holds, e.g. {@code classes}; shown in logs and reports
     * @param entries the files, in the order they are added
     */
    public record Layer(String name, List<Entry> entries) {
        public Layer {
            Objects.requireNonNull(name, "name");
            entries = List.copyOf(entries);
        }
    }

    /**
     * @param source      absolute path of a regular file on the build machine
     * @param target      absolute Unix path in the image
     * @param permissions the file's mode in octal, e.g. {@code 755}; null for Jib's default, {@code 644}
     */
    public record Entry(String source, String target, String permissions) {
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }

        /** A file with Jib's default mode, {@code 644}. */
        public Entry(String source, String target) {
            this(source, target, null);
        }
    }
}
