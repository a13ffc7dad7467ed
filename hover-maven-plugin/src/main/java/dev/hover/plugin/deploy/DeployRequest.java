package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;

/**
 * One deploy of one stage.
 *
 * @param manifest the validated stage manifest
 * @param build    the build to release (image and assets), up to date with the manifest
 * @param dryRun   show what would change and change nothing
 */
public record DeployRequest(StageManifest manifest, BuildDescriptor build, boolean dryRun) {
}
