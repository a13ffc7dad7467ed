package dev.hover.template;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.List;

/**
 * One SQS queue of the stage and the function that consumes it.
 *
 * @param queue    the name as the manifest gives it under {@code queue.<fn>.queues}
 * @param name     the queue's name in SQS
 * @param consumer the queue function that works on its jobs
 */
record StageQueue(String queue, String name, StageFunction consumer) {

    /** The queues of the stage, in manifest order: each queue function's, in turn. */
    static List<StageQueue> of(StageManifest manifest, List<StageFunction> queueFunctions) {
        Names names = Names.of(manifest);
        return queueFunctions.stream()
                .flatMap(function -> manifest.queues().get(function.queueFunction().orElseThrow()).queues().stream()
                        .map(queue -> new StageQueue(queue, names.queue(queue), function)))
                .toList();
    }

    String queueId() {
        return LogicalIds.pascalCase(queue) + "JobQueue";
    }

    String eventSourceId() {
        return queueId() + "EventSource";
    }
}
