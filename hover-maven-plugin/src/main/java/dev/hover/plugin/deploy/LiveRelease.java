package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.image.BuildDescriptor;

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
 * @param inputsFingerprint the fingerprint of that build's inputs, as the deploy that released it recorded it
 */
public record LiveRelease(Map<String, String> versions, Optional<String> buildId, Optional<String> inputsFingerprint) {
    public static LiveRelease read(Functions functions, List<String> functionNames) {
        Map<String, Optional<String>> aliases = Parallel.map(functionNames, 8,
                fn -> functions.aliasVersion(fn, Names.LIVE_ALIAS));
        Map<String, String> versions = new LinkedHashMap<>();
        // the stack creates each alias on $LATEST: until a first release, nothing is released
        aliases.forEach((fn, version) -> version.filter(v -> !Functions.LATEST.equals(v)).ifPresent(v -> versions.put(fn, v)));
        String http = functionNames.get(0);
        Optional<String> description = Optional.ofNullable(versions.get(http)).map(v -> functions.versionDescription(http, v));
        return new LiveRelease(versions, description.flatMap(ReleaseRecord::buildId),
                description.flatMap(ReleaseRecord::inputsFingerprint));
    }

    /**
     * Whether every function of the stage runs a release of a build made from the same inputs as
     * {@code build}: deploying it would release the same image and stack again under another build id.
     */
    public boolean hasTheInputsOf(BuildDescriptor build, List<String> functionNames) {
        return build.inputsFingerprint() != null && inputsFingerprint.filter(build.inputsFingerprint()::equals).isPresent()
                && versions.keySet().containsAll(functionNames);
    }
}
