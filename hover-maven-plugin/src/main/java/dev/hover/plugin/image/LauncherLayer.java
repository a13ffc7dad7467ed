package dev.hover.plugin.image;

import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The launcher ({@code hover-launch}) of a stage with secrets, in a layer of its own: the binary
 * for the image's architecture, executable. Jib gives its files fixed times, so the layer is the
 * same blob in every build of a plugin version and a registry that has it gets nothing new.
 */
final class LauncherLayer {
    static final String NAME = "hover-launcher";
    private static final String EXECUTABLE = "755";

    private LauncherLayer() {
    }

    /**
     * @param directory where the binary is written for Jib to read (it is written again only when
     *                  it differs, so Jib's cache of the layer stays valid)
     */
    static ImageSpec.Layer of(Architecture architecture, Path directory) {
        LauncherBinary binary = LauncherBinary.forArchitecture(architecture);
        Path file = directory.resolve(architecture.lambdaName()).resolve("hover-launch");
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "hover-launch", ".tmp");
            try (InputStream in = binary.open()) {
                Files.copy(in, written, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isRegularFile(file) && Files.mismatch(file, written) == -1) {
                Files.delete(written);
            } else {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the launcher for " + architecture.lambdaName() + " to " + file, e);
        }
        return new ImageSpec.Layer(NAME, List.of(
                new ImageSpec.Entry(file.toAbsolutePath().toString(), LauncherBinary.IMAGE_PATH, EXECUTABLE)));
    }
}
