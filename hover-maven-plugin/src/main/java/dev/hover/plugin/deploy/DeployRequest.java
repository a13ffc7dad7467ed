package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;

import java.time.Duration;

/**
 * One deploy of one stage.
 *
 * @param manifest the validated stage manifest
 * @param build    the build to release (image and assets), up to date with the manifest
 * @param dryRun   show what would change and change nothing
 * @param stackTimeout how long to follow the stack before giving up on it ({@code hover.stackTimeout});
 *                     CloudFormation goes on regardless
 * @param breakLease   take the stage's lease even from a deploy or rollback whose lease has not lapsed
 *                     ({@code hover.breakLease}): for one that was killed
 */
public record DeployRequest(StageManifest manifest, BuildDescriptor build, boolean dryRun, Duration stackTimeout,
                            boolean breakLease) {
    public static final Duration DEFAULT_STACK_TIMEOUT = Duration.ofMinutes(60);
}
