package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.ArrayList;
import java.util.List;

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
}
