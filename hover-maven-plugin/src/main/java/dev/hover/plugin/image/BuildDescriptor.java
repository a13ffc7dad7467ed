package dev.hover.plugin.image;

import java.util.Objects;

/**
 * What {@code hover:build} made for one stage, recorded in {@code target/hover/<stage>/build.json}
 * and read by {@code hover:deploy}: the build id, the image (how to make it and where it went),
 * the assets and the hash of the stage manifest it was built from.
 *
 * @param format         the version of this file's format, {@link #FORMAT}
 * @param buildId        unique per build and sortable by time, e.g. {@code 20261126T174500Z-3f9a2c}
 * @param stage          the stage
 * @param createdAt      when the build started, ISO-8601 UTC
 * @param manifestSha256 hex SHA-256 of {@code .hover/<stage>.yml} as built; a different hash
 *                       means the manifest changed since this build
 * @param image          the image: base, layers, entry point, configuration
 * @param output         where this build wrote the image (a registry or an OCI tar)
 * @param assets         the collected static assets
 * @param inputsFingerprint the SHA-256 of what the build was made from ({@link BuildInputs#fingerprint()}),
 *                       which deploy records with the release: a later build with the same one is the
 *                       same release. Null when a build cannot be repeated (an asset build command) or
 *                       was recorded by an older plugin
 */
public record BuildDescriptor(
        int format,
        String buildId,
        String stage,
        String createdAt,
        String manifestSha256,
        ImageSpec image,
        ImageOutput output,
        BuiltAssets assets,
        String inputsFingerprint) {

    /** The version of the format; a reader refuses a newer one. */
    public static final int FORMAT = 1;

    /** The file's name inside the stage's build directory. */
    public static final String FILE_NAME = "build.json";

    public BuildDescriptor {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(assets, "assets");
    }
}
