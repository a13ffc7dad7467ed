package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.plugin.aws.Functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stage's {@code live} aliases point at before a deploy: the release a failed deploy
 * leaves in place, the build whose assets a new build can copy from, and what a rollback moves back from.
 *
 * @param versions function name to the version its {@code live} alias points at (absent: no alias, or
 *                 one still on {@code $LATEST})
 * @param buildId  the build the live http version was published from
 */
public record LiveRelease(Map<String, String> versions, Optional<String> buildId) {
    public static LiveRelease read(Functions functions, List<String> functionNames) {
        Map<String, Optional<String>> aliases = Parallel.map(functionNames, 8,
                fn -> functions.aliasVersion(fn, Names.LIVE_ALIAS));
        Map<String, String> versions = new LinkedHashMap<>();
        // the stack creates each alias on $LATEST: until a first release, nothing is released
        aliases.forEach((fn, version) -> version.filter(v -> !Functions.LATEST.equals(v)).ifPresent(v -> versions.put(fn, v)));
        String http = functionNames.get(0);
        Optional<String> buildId = Optional.ofNullable(versions.get(http))
                .flatMap(v -> ReleaseRecord.buildId(functions.versionDescription(http, v)));
        return new LiveRelease(versions, buildId);
    }
}
