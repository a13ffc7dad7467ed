package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.Functions;

import java.util.List;
import java.util.Map;

/** Publishes a version of every function, side by side; each version's description records the build. */
final class PublishStep {
    private final Functions functions;

    PublishStep(Functions functions) {
        this.functions = functions;
    }

    /** @return function name to its new version (Lambda returns the latest one when nothing changed since) */
    Steps.Outcome<Map<String, String>> run(List<String> functionNames, String buildId, LiveRelease live, Console console) {
        Map<String, String> versions = Parallel.map(functionNames, 8,
                fn -> functions.publishVersion(fn, ReleaseRecord.versionDescription(buildId)));
        versions.forEach((fn, version) -> console.line(fn + ": version " + version
                + (version.equals(live.versions().get(fn)) ? " (unchanged, already live)" : "")));
        return Steps.Outcome.of(versions, versions.size() + " versions");
    }
}
