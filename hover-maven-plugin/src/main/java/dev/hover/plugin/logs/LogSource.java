package dev.hover.plugin.logs;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * One function's log group, with the label its lines carry.
 *
 * @param label    {@code http}, {@code cli}, or the queue function's key under {@code queue}
 * @param function the function's name in Lambda
 * @param logGroup {@code /aws/lambda/<function>}
 */
record LogSource(String label, String function, String logGroup) {

    /** http, cli, then the queue functions in manifest order. */
    static List<LogSource> of(StageManifest manifest) {
        Names names = Names.of(manifest);
        List<LogSource> sources = new ArrayList<>();
        sources.add(source(names, "http", names.httpFunction()));
        sources.add(source(names, "cli", names.cliFunction()));
        for (String queue : manifest.queues().keySet()) {
            // a queue function may be called http or cli: its label then keeps the -queue of its Lambda name
            String label = queue.equals("http") || queue.equals("cli") ? queue + "-queue" : queue;
            sources.add(source(names, label, names.queueFunction(queue)));
        }
        return sources;
    }

    private static LogSource source(Names names, String label, String function) {
        return new LogSource(label, function, names.logGroup(function));
    }

    /** {@code -Dhover.function} names a function by its label or by its Lambda name. */
    boolean isNamed(String name) {
        return label.equals(name) || function.equals(name);
    }
}
