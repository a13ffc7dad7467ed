package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Lambda functions of a stage, by name: http, cli, then one per queue function in manifest order. */
public final class StageFunctions {
    private StageFunctions() {
    }

    public static List<String> of(StageManifest manifest) {
        Names names = Names.of(manifest);
        List<String> functions = new ArrayList<>();
        functions.add(names.httpFunction());
        functions.add(names.cliFunction());
        manifest.queues().keySet().forEach(fn -> functions.add(names.queueFunction(fn)));
        return functions;
    }

    /** The functions whose section says {@code snapstart: true}, in the same order. */
    public static Set<String> withSnapStart(StageManifest manifest) {
        Names names = Names.of(manifest);
        Set<String> functions = new LinkedHashSet<>();
        if (manifest.http().snapstart()) {
            functions.add(names.httpFunction());
        }
        if (manifest.cli().snapstart()) {
            functions.add(names.cliFunction());
        }
        manifest.queues().values().stream().filter(queue -> queue.snapstart())
                .forEach(queue -> functions.add(names.queueFunction(queue.function())));
        return functions;
    }
}
