package dev.hover.launcher;

import dev.hover.model.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code hover-launch}, the entry point of an image whose stage has secrets, for one Lambda
 * architecture: a static Linux executable in this jar, built from {@code src/main/go}. It decrypts
 * the packaged secrets file with KMS, then replaces itself with the application's JVM, the
 * secrets in its process environment:
 * {@code hover-launch --name <app name> --stage <stage> --secrets <encrypted file> -- <program> [args...]}.
 */
public final class LauncherBinary {
    /** Where the image holds the launcher. */
    public static final String IMAGE_PATH = "/var/task/hover/bin/hover-launch";

    private final Architecture architecture;
    private final String resource;

    private LauncherBinary(Architecture architecture) {
        this.architecture = architecture;
        this.resource = "linux-" + architecture.ociName() + "/hover-launch";
    }

    /**
     * @param lambdaArchitecture the manifest's {@code java.architecture}, as Lambda spells it:
     *                           {@code x86_64} or {@code arm64}
     * @throws IllegalArgumentException for another architecture
     */
    public static LauncherBinary forArchitecture(String lambdaArchitecture) {
        return Arrays.stream(Architecture.values())
                .filter(candidate -> candidate.lambdaName().equals(lambdaArchitecture))
                .findFirst()
                .map(LauncherBinary::forArchitecture)
                .orElseThrow(() -> new IllegalArgumentException("hover-launch is not built for the architecture '"
                        + lambdaArchitecture + "': Lambda runs " + Arrays.stream(Architecture.values())
                        .map(Architecture::lambdaName).collect(Collectors.joining(" and "))));
    }

    /** @param architecture the manifest's {@code java.architecture} */
    public static LauncherBinary forArchitecture(Architecture architecture) {
        return new LauncherBinary(architecture);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** {@value #IMAGE_PATH}. */
    public String imagePath() {
        return IMAGE_PATH;
    }

    /** The executable's bytes; the caller closes the stream. */
    public InputStream open() {
        try {
            return url().openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + this, e);
        }
    }

    /** The executable's size in bytes. */
    public long size() {
        try {
            URLConnection connection = url().openConnection();
            // a jar connection otherwise keeps the jar file open, cached, after the size is read
            connection.setUseCaches(false);
            try (InputStream ignored = connection.getInputStream()) {
                return connection.getContentLengthLong();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + this, e);
        }
    }

    private URL url() {
        URL url = LauncherBinary.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(this + " is missing from the class path: hover-launcher's jar is built with it"
                    + " (mvn -pl hover-launcher package needs Go >= 1.25)");
        }
        return url;
    }

    @Override
    public String toString() {
        return "hover-launch for " + architecture.lambdaName() + " (" + LauncherBinary.class.getPackageName().replace('.', '/')
                + "/" + resource + ")";
    }
}
