package dev.hover.plugin.deploy;

import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.ImageBuildService;
import dev.hover.plugin.image.ImageSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether the recorded build still is what the project would build now: the same manifest, and
 * every file that went into the image unchanged since. A deploy rebuilds a stale build first.
 */
public final class BuildFreshness {
    private BuildFreshness() {
    }

    /**
     * @param secretsFile the stage's encrypted secrets file, packaged into the image when it exists
     * @return why the build is stale, or empty when it is fresh
     */
    public static Optional<String> staleness(BuildDescriptor build, Path manifestFile, Path secretsFile) {
        if (!ImageBuildService.sha256(manifestFile).equals(build.manifestSha256())) {
            return Optional.of(manifestFile.getFileName() + " changed since build " + build.buildId());
        }
        Instant built = Instant.parse(build.createdAt());
        if (Files.exists(secretsFile) && modifiedAfter(secretsFile, built)) {
            return Optional.of(secretsFile.getFileName() + " changed since build " + build.buildId());
        }
        List<ImageSpec.Entry> entries = build.image().layers().stream().flatMap(layer -> layer.entries().stream()).toList();
        for (ImageSpec.Entry entry : entries) {
            Path source = Path.of(entry.source());
            if (!Files.exists(source)) {
                return Optional.of(source + " is gone since build " + build.buildId());
            }
            if (modifiedAfter(source, built)) {
                return Optional.of(source + " changed since build " + build.buildId());
            }
        }
        if (build.assets().present() && !Files.isDirectory(Path.of(build.assets().directory()))) {
            return Optional.of("the assets of build " + build.buildId() + " are gone");
        }
        return Optional.empty();
    }

    private static boolean modifiedAfter(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(instant);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modification time of " + file, e);
        }
    }
}
