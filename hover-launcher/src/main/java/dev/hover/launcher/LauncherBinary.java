package dev.hover.launcher;

import dev.hover.model.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

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

    /** @param architecture the manifest's {@code java.architecture} */
    public static LauncherBinary forArchitecture(Architecture architecture) {
        return new LauncherBinary(architecture);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The executable's bytes; the caller closes the stream. */
    public InputStream open() {
        try {
            return url().openStream();
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
