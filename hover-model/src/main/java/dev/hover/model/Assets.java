package dev.hover.model;

import java.util.Optional;

/**
 * {@code assets}: static files served by CloudFront under {@code /assets/*}.
 *
 * @param directory    the directory, relative to the project, whose content is uploaded; empty
 *                     when the application has no assets
 * @param buildCommand a shell command run before collecting, with {@code ASSET_URL} set
 */
public record Assets(Optional<String> directory, Optional<String> buildCommand) {
    public static final Assets NONE = new Assets(Optional.empty(), Optional.empty());
}
