package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.image.BuildDescriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Publishes a version of every function, side by side; each version's description records the build. */
final class PublishStep {
    private final Functions functions;

    PublishStep(Functions functions) {
        this.functions = functions;
    }

    /** @return function name to its new version (Lambda returns the latest one when nothing changed since) */
    Steps.Outcome<Map<String, String>> run(List<String> functionNames, BuildDescriptor build, LiveRelease live, Progress progress) {
        String buildId = build.buildId();
        String description = ReleaseRecord.versionDescription(buildId, build.inputsFingerprint());
        Map<String, Functions.PublishedVersion> published = Parallel.map(functionNames, 8,
                fn -> functions.publishVersion(fn, description));
        Map<String, String> versions = new LinkedHashMap<>();
        published.forEach((fn, version) -> {
            // Lambda hands back the latest version when nothing changed since: ours, or the live one. Any other
            // is another build's, published from under this deploy: releasing it would release that build as this one
            boolean ours = ReleaseRecord.buildId(version.description()).filter(buildId::equals).isPresent();
            if (!ours && !version.version().equals(live.versions().get(fn))) {
                throw new DeployException("The function " + fn + " changed under this deploy: Lambda published version "
                        + version.version() + " described '" + version.description() + "', not build " + buildId
                        + ". Something else deployed the stage meanwhile (a deploy of an older Hover, the AWS progress or "
                        + "CLI). Nothing was released: live still points at the previous versions; deploy again.");
            }
            versions.put(fn, version.version());
        });
        versions.forEach((fn, version) -> progress.line(fn + ": version " + version
                + (version.equals(live.versions().get(fn)) ? " (unchanged, already live)" : "")));
        return Steps.Outcome.of(versions, versions.size() + " versions");
    }
}
