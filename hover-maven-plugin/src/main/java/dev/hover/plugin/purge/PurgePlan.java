package dev.hover.plugin.purge;

import dev.hover.model.Names;
import dev.hover.plugin.rollback.BuildHistory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which builds of a stage a purge keeps, and why, and what of each other build it removes
 * (docs/stage-purge.md), decided from what the stage has without calling AWS.
 *
 * @param kept build to why it stays, newest first
 * @param old  the builds to remove, oldest first
 */
record PurgePlan(String liveBuild, Map<String, String> kept, List<OldBuild> old) {
    /**
     * @param versions {@code function:version} of each of its versions
     * @param imageTag its tag in the stage's ECR repository; empty when there is none
     * @param assets   its prefix in the assets bucket; empty when there is none
     */
    record OldBuild(String build, List<String> versions, String imageTag, String assets) {
    }

    /**
     * @param history      the release record of the functions with a {@code live} release
     * @param liveVersions function name to the version its {@code live} alias points at
     * @param liveBuild    the newest build among them
     * @param stackBuild   the build the stack was last deployed with, when it says
     * @param imageTags    the build ids among the stage's repository's tags
     * @param assetBuilds  the build ids among the assets bucket's {@code assets/} prefixes
     * @param keep         builds kept besides the live one and the one before it
     */
    static PurgePlan of(BuildHistory history, Map<String, String> liveVersions, String liveBuild, Optional<String> stackBuild,
                        Set<String> imageTags, Set<String> assetBuilds, int keep, Names names) {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put(liveBuild, "live");
        history.buildBefore(liveBuild).ifPresent(b -> kept.put(b, "the one before the live build: hover:rollback goes back to it"));
        stackBuild.filter(b -> !kept.containsKey(b)).ifPresent(b -> kept.put(b, "the stack " + names.stack()
                + " was last deployed with it: its functions' unpublished code and a stack rollback use its image"));
        history.knownBuilds().stream().sorted(Comparator.reverseOrder()).filter(b -> !kept.containsKey(b)).limit(keep)
                .forEach(b -> kept.put(b, "one of the " + keep + " newest others (hover.keep)"));

        SortedSet<String> builds = new TreeSet<>(history.knownBuilds());
        builds.addAll(imageTags);
        builds.addAll(assetBuilds);
        builds.stream().filter(b -> !kept.containsKey(b) && !history.knownBuilds().contains(b) && b.compareTo(liveBuild) > 0)
                .forEach(b -> kept.put(b, "never released and newer than the live build: a deploy of it did not finish"));
        keepWhatKeptBuildsRelease(history, liveVersions, kept);

        Map<String, String> newestFirst = new LinkedHashMap<>();
        kept.keySet().stream().sorted(Comparator.reverseOrder()).forEach(b -> newestFirst.put(b, kept.get(b)));
        List<OldBuild> old = new ArrayList<>();
        builds.stream().filter(b -> !kept.containsKey(b)).forEach(build -> {
            List<String> versions = new ArrayList<>();
            history.builds().forEach((fn, byVersion) -> byVersion.forEach((version, of) -> {
                if (of.equals(build)) {
                    versions.add(fn + ":" + version);
                }
            }));
            old.add(new OldBuild(build, versions, imageTags.contains(build) ? build : "",
                    assetBuilds.contains(build) ? names.assetsPrefix(build) : ""));
        });
        return new PurgePlan(liveBuild, newestFirst, old);
    }

    /**
     * Adds the builds whose versions a kept build still releases: a function unchanged by a build keeps
     * an older build's version (its newest up to that build), and that version needs its build's image.
     * The live versions are released too. Repeated until no build is added.
     */
    private static void keepWhatKeptBuildsRelease(BuildHistory history, Map<String, String> liveVersions, Map<String, String> kept) {
        boolean added = true;
        while (added) {
            added = false;
            for (String fn : history.builds().keySet()) {
                List<String> released = new ArrayList<>();
                Optional.ofNullable(liveVersions.get(fn)).ifPresent(released::add);
                List.copyOf(kept.keySet()).forEach(build -> history.versionAt(fn, build).ifPresent(released::add));
                for (String version : released) {
                    Optional<String> owner = history.buildOf(fn, version).filter(b -> !kept.containsKey(b));
                    if (owner.isPresent()) {
                        kept.put(owner.get(), "its version " + version + " of " + fn + " is still released by a kept build");
                        added = true;
                    }
                }
            }
        }
    }
}
