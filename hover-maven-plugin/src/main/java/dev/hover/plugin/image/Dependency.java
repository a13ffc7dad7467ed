package dev.hover.plugin.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A resolved jar on the application's or the runtime's class path.
 *
 * @param groupId    Maven group id
 * @param artifactId Maven artifact id
 * @param version    the resolved version ({@code 1.0-20261126.101010-3} for a timestamped snapshot)
 * @param snapshot   whether it is a snapshot, which changes more often than a release
 * @param file       the jar
 */
public record Dependency(String groupId, String artifactId, String version, boolean snapshot, Path file) {
    public Dependency {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }

    /** {@code groupId:artifactId}, which identifies a library whatever its version. */
    public String key() {
        return groupId + ":" + artifactId;
    }
}
