package dev.hover.plugin.rollback;

import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.deploy.LiveRelease;
import dev.hover.plugin.deploy.ReleaseRecord;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The builds a stage's functions were published from, read from their versions' descriptions
 * ({@link ReleaseRecord}). Build ids sort by time, version numbers by publication. What
 * {@code hover:rollback} rolls between and {@code hover:stage-purge} keeps or removes.
 *
 * @param builds function name to its versions' builds (version to build id); versions that no deploy
 *               published (no {@code hover build} description) are left out
 */
public record BuildHistory(Map<String, Map<String, String>> builds) {
    private static final Comparator<String> VERSION_ORDER = Comparator.comparingLong(Long::parseLong);

    /** The history of the functions that have a {@code live} release: their versions, listed. */
    public static BuildHistory read(Functions functions, LiveRelease live) {
        Map<String, Map<String, String>> descriptions = new LinkedHashMap<>();
        live.versions().keySet().forEach(fn -> descriptions.put(fn, functions.versionDescriptions(fn)));
        return of(descriptions);
    }

    /** @param descriptions function name to its versions' descriptions */
    public static BuildHistory of(Map<String, Map<String, String>> descriptions) {
        Map<String, Map<String, String>> builds = new LinkedHashMap<>();
        descriptions.forEach((fn, versions) -> {
            Map<String, String> byVersion = new LinkedHashMap<>();
            versions.forEach((version, description) ->
                    ReleaseRecord.buildId(description).ifPresent(build -> byVersion.put(version, build)));
            builds.put(fn, byVersion);
        });
        return new BuildHistory(builds);
    }

    /**
     * The live build: the newest build among the live versions (a function unchanged by the last deploy
     * keeps an older build's version).
     *
     * @param liveVersions function name to the version its {@code live} alias points at
     * @return empty when no live version was published by a deploy
     */
    public Optional<String> liveBuild(Map<String, String> liveVersions) {
        return liveVersions.entrySet().stream()
                .flatMap(e -> buildOf(e.getKey(), e.getValue()).stream())
                .max(String::compareTo);
    }

    /** The newest build older than {@code build}: what {@code hover:rollback} goes back to. */
    public Optional<String> buildBefore(String build) {
        SortedSet<String> earlier = knownBuilds().headSet(build);
        return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.last());
    }

    /** Every build any function has a version of, oldest first. */
    public SortedSet<String> knownBuilds() {
        SortedSet<String> known = new TreeSet<>();
        builds.values().forEach(versions -> known.addAll(versions.values()));
        return known;
    }

    public Optional<String> buildOf(String function, String version) {
        return Optional.ofNullable(builds.getOrDefault(function, Map.of()).get(version));
    }

    /**
     * The version the function ran when {@code build} was released: its newest version published by that
     * build or an earlier one. Lambda publishes no new version of a function whose code and configuration
     * did not change, so a build's release may keep an older build's version of a function.
     */
    public Optional<String> versionAt(String function, String build) {
        return builds.getOrDefault(function, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().compareTo(build) <= 0)
                .map(Map.Entry::getKey)
                .max(VERSION_ORDER);
    }
}
