package dev.hover.plugin.purge;

import java.util.List;
import java.util.Map;

/**
 * What {@code hover:stage-purge} kept and removed (or, in a dry run, would remove).
 *
 * @param liveBuild the build the {@code live} aliases release
 * @param kept      build to why it stays, newest first
 * @param purged    the builds removed, oldest first
 */
public record PurgeReport(String stage, String stack, String region, String liveBuild, int keep, boolean dryRun,
                          Map<String, String> kept, List<PurgedBuild> purged) {
    /** Whether every part of every purged build went. */
    public boolean complete() {
        return purged.stream().allMatch(build -> build.failures().isEmpty());
    }

    /**
     * One old build and what of it went.
     *
     * @param versions     {@code function:version} of each version of it deleted
     * @param imageTag     its tag in the stage's ECR repository; empty when there is none to remove
     * @param assets       its prefix in the assets bucket ({@code assets/<build>/}); empty when there is none
     * @param assetObjects how many object versions went from that prefix (in a dry run: how many objects are there)
     * @param failures     what could not be removed, and why; empty when all of it went
     */
    public record PurgedBuild(String build, List<String> versions, String imageTag,
                              String assets, int assetObjects, List<String> failures) {
    }
}
