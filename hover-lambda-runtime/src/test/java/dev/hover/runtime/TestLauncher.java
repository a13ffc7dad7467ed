package dev.hover.runtime;

import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The real launcher, {@code hover-launch} for this machine's architecture from hover-launcher's
 * jar, as an executable file: what the image's entry point starts with when the stage has secrets.
 */
public final class TestLauncher {
    private static Path written;

    private TestLauncher() {
    }

    /** Written once per test JVM into a temporary directory. */
    public static synchronized Path path() {
        if (written == null) {
            String arch = System.getProperty("os.arch");
            LauncherBinary binary = LauncherBinary.forArchitecture(Architecture.ofHost(arch)
                    .orElseThrow(() -> new IllegalStateException("hover-launch is not built for this machine's " + arch)));
            try (InputStream in = binary.open()) {
                Path directory = Files.createTempDirectory("hover-launcher-");
                // deleted in the reverse order: the file, then its directory
                directory.toFile().deleteOnExit();
                Path file = directory.resolve("hover-launch");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                if (!file.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + file + " executable");
                }
                written = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written;
    }
}
