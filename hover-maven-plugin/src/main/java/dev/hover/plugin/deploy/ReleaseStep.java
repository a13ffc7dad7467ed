package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.events.Progress;

import java.util.Map;

/** The release itself: every {@code live} alias moves to its function's new version. */
final class ReleaseStep {
    private final Functions functions;

    ReleaseStep(Functions functions) {
        this.functions = functions;
    }

    Steps.Outcome<Void> run(Map<String, String> versions, Progress progress) {
        LiveAliases.move(functions, versions);
        versions.forEach((fn, version) -> progress.line(fn + ":" + Names.LIVE_ALIAS + " -> " + version));
        return Steps.Outcome.of(null, versions.size() + " aliases moved");
    }
}
