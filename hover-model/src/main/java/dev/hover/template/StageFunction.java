package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.FunctionSettings;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.List;
import java.util.Optional;

/**
 * One Lambda function of the stage and the logical ids of what belongs to it.
 *
 * @param type          the value of {@code HOVER_FUNCTION_TYPE}: {@code http}, {@code cli} or {@code queue}
 * @param queueFunction for a queue function, its key under {@code queue}
 * @param name          the function's name in Lambda
 * @param settings      memory, timeout and concurrency from the manifest
 * @param idPrefix      what every logical id of this function starts with
 */
record StageFunction(String type, Optional<String> queueFunction, String name, FunctionSettings settings,
                     String idPrefix) {

    static StageFunction http(StageManifest manifest) {
        return new StageFunction("http", Optional.empty(), Names.of(manifest).httpFunction(), manifest.http(), "Http");
    }

    static StageFunction cli(StageManifest manifest) {
        return new StageFunction("cli", Optional.empty(), Names.of(manifest).cliFunction(), manifest.cli(), "Cli");
    }

    /** The queue functions, in manifest order. */
    static List<StageFunction> queues(StageManifest manifest) {
        Names names = Names.of(manifest);
        return manifest.queues().values().stream()
                .map(queue -> new StageFunction("queue", Optional.of(queue.function()),
                        names.queueFunction(queue.function()), queue, LogicalIds.pascalCase(queue.function()) + "Queue"))
                .toList();
    }

    String functionId() {
        return idPrefix + "Function";
    }

    String aliasId() {
        return idPrefix + "LiveAlias";
    }

    String logGroupId() {
        return idPrefix + "LogGroup";
    }

    /** The ARN of the {@code live} alias: everything that calls the function calls it there. */
    ObjectNode liveAliasArn() {
        return Cfn.ref(aliasId());
    }
}
