package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Base images for tests, which reach no public registry: built from scratch with one small layer
 * (the JVM comes from the test machine when the image is run).
 */
public final class TestImages {
    static final String BASE_MARKER = "/etc/hover-test-base";

    private TestImages() {
    }

    /**
     * Writes a base image as a tar and returns it as a {@code tar://} base image reference. Jib reads
     * a base tar in {@code docker save}'s format only.
     */
    public static String baseTar(Path directory) throws Exception {
        return baseTar(directory, "a base image for tests\n");
    }

    /** A base tar whose one file holds {@code content}: another content, another base image. */
    static String baseTar(Path directory, String content) throws Exception {
        Path tar = directory.resolve("base.tar");
        containerizeBase(directory, content, ImageFormat.Docker,
                Containerizer.to(TarImage.at(tar).named("hover-test/base:1")));
        return Jib.TAR_IMAGE_PREFIX + tar;
    }

    /** Pushes a base image to a registry, e.g. the local one, and returns its reference. */
    public static String pushBase(Path directory, String reference) throws Exception {
        containerizeBase(directory, "a base image for tests\n", ImageFormat.OCI, Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true));
        return reference;
    }

    private static void containerizeBase(Path directory, String content, ImageFormat format, Containerizer containerizer)
            throws Exception {
        Path marker = directory.resolve("hover-test-base");
        Files.writeString(marker, content);
        Jib.fromScratch()
                .setFormat(format)
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .addEntry(marker, AbsoluteUnixPath.get(BASE_MARKER)).build())
                .setEnvironment(java.util.Map.of("PATH", "/usr/bin:/bin"))
                .setEntrypoint(List.of("/bin/false"))
                .containerize(containerizer.setApplicationLayersCache(directory.resolve("base-cache")));
    }
}
