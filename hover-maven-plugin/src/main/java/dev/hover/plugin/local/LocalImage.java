package dev.hover.plugin.local;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.plugin.image.ImageLayout;
import dev.hover.plugin.image.ImageSpec;
import dev.hover.plugin.image.archive.ClassDataArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A build's image on this machine without unpacking it: every layer's files, as the build descriptor
 * lists them, linked (or copied where links are not possible) to their paths in the image under a local
 * root, so that {@code /var/task} becomes {@code <root>/var/task}; and the image's entry point and
 * environment with that path mapped. The base image is not used: the JVM is this machine's.
 */
final class LocalImage {
    private final ImageSpec spec;
    private final Path root;

    private LocalImage(ImageSpec spec, Path root) {
        this.spec = spec;
        this.root = root;
    }

    /** Lays out the image's files under {@code root}, replacing what an earlier run left there. */
    static LocalImage layOut(ImageSpec spec, Path root) throws IOException {
        deleteTree(root);
        for (ImageSpec.Layer layer : spec.layers()) {
            for (ImageSpec.Entry entry : layer.entries()) {
                Path target = root.resolve(entry.target().substring(1));
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                link(Path.of(entry.source()).toAbsolutePath(), target);
            }
        }
        Files.createDirectories(root.resolve(ImageLayout.TASK_ROOT.substring(1)));
        return new LocalImage(spec, root);
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createSymbolicLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system (or Windows without the privilege) that has no symbolic links
            Files.copy(source, target);
        }
    }

    Path taskRoot() {
        return root.resolve(ImageLayout.TASK_ROOT.substring(1));
    }

    /** Whether the entry point's launcher decrypts secrets before the JVM starts (the image has the stage's secrets). */
    boolean hasSecrets() {
        return LaunchCommand.decryptsSecrets(spec.entrypoint());
    }

    /**
     * The JVM command of the entry point, with {@code java} the given one and image paths mapped. The
     * launcher of an image with secrets is left out: their values come from this machine instead
     * ({@link LocalSecrets}); so is the class-data archive, trained with another JVM.
     */
    List<String> command(Path java) {
        List<String> jvm = LaunchCommand.jvmPart(spec.entrypoint());
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // a class-data archive works only with the JVM that wrote it, the base image's (docs/image.md)
        jvm.subList(1, jvm.size()).stream().filter(argument -> !ClassDataArchive.namesArchive(argument))
                .map(this::map).forEach(command::add);
        return command;
    }

    /** The image's own variables (Hover's defaults and the manifest's environment), paths mapped. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        spec.environment().forEach((name, value) -> environment.put(name, map(value)));
        return environment;
    }

    Path workingDirectory() {
        return root.resolve(spec.workingDirectory().substring(1));
    }

    private String map(String value) {
        return value.replace(ImageLayout.TASK_ROOT, taskRoot().toString());
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
