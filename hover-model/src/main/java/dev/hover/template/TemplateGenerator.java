package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a stage's manifest into its CloudFormation stack: the functions, their aliases and logs, the
 * HTTP API, the CloudFront distribution, the schedule rules and the queues (docs/template.md). The same
 * inputs always give the same template, byte for byte.
 */
public final class TemplateGenerator {

    /**
     * @param manifest the validated manifest
     * @param imageUri the image every function runs, as Lambda takes it ({@code <registry>/<repository>:<tag>} or {@code @<digest>})
     * @param buildId  the build being deployed, reported in the outputs
     */
    public StackTemplate generate(StageManifest manifest, String imageUri, String buildId) {
        Objects.requireNonNull(manifest, "manifest");
        requireText(imageUri, "image URI");
        requireText(buildId, "build id");

        StageFunction http = StageFunction.http(manifest);
        StageFunction cli = StageFunction.cli(manifest);
        List<StageFunction> queueFunctions = StageFunction.queues(manifest);
        List<StageFunction> functions = new ArrayList<>(List.of(http, cli));
        functions.addAll(queueFunctions);
        List<StageQueue> queues = StageQueue.of(manifest, queueFunctions);

        Resources resources = new Resources();
        JsonNode roleArn = ExecutionRole.add(resources, manifest, functions, queues);
        for (StageFunction function : functions) {
            FunctionResources.add(resources, manifest, function, imageUri, roleArn);
        }
        HttpApiResources.add(resources, manifest, http);
        DistributionResources.add(resources, manifest);
        ScheduleRules.addScheduler(resources, manifest, cli);
        ScheduleRules.addWarmer(resources, manifest, http);
        if (!queues.isEmpty()) {
            QueueResources.addFailedJobs(resources, Names.of(manifest).failedJobsQueue());
        }
        for (StageQueue queue : queues) {
            long queuesOfConsumer = queues.stream().filter(other -> other.consumer().equals(queue.consumer())).count();
            QueueResources.add(resources, queue, (int) queuesOfConsumer);
        }

        ObjectNode root = Cfn.object()
                .put("AWSTemplateFormatVersion", "2010-09-09")
                .put("Description", "Hover for Java: stage " + manifest.stage() + " (" + manifest.name() + ")");
        root.set("Resources", resources.node());
        root.set("Outputs", StackOutputs.of(manifest, buildId));
        return new StackTemplate(root);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
    }
}
