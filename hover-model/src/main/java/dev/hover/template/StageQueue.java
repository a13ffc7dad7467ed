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

    static List<StageQueue> of(StageManifest manifest, List<StageFunction> functions) {
        Names names = Names.of(manifest);
        return functions.stream()
                .filter(function -> function.queueFunction().isPresent())
                .flatMap(function -> manifest.queues().get(function.queueFunction().get()).queues().stream()
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
