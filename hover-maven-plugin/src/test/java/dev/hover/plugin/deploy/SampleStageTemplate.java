package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.FunctionSettings;
import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;

/**
 * A stage template made only of resource types moto applies (functions, queues, event source
 * mappings, a role), with the product template's logical ids, so the deploy steps run end to end on
 * moto. The product's template is the template module's, checked by cfn-lint and on moto there
 * (docs/template.md); moto cannot apply it whole (aliases, API Gateway, CloudFront: docs/testing.md).
 */
final class SampleStageTemplate implements TemplateSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String render(StageManifest manifest, String imageUri, String buildId) {
        Names names = Names.of(manifest);
        ObjectNode template = JSON.createObjectNode();
        ObjectNode resources = template.putObject("Resources");
        resources.putObject("LambdaExecutionRole").put("Type", "AWS::IAM::Role").putObject("Properties")
                .putObject("AssumeRolePolicyDocument").put("Version", "2012-10-17");
        function(resources, "HttpFunction", names.httpFunction(), "http", manifest, manifest.http(), imageUri);
        function(resources, "CliFunction", names.cliFunction(), "cli", manifest, manifest.cli(), imageUri);
        for (QueueFunction queue : manifest.queues().values()) {
            String function = logical(queue.function()) + "QueueFunction";
            function(resources, function, names.queueFunction(queue.function()), "queue", manifest, queue, imageUri);
            for (String name : queue.queues()) {
                String queueId = logical(name) + "JobQueue";
                resources.putObject(queueId).put("Type", "AWS::SQS::Queue").putObject("Properties")
                        .put("QueueName", names.queue(name)).put("VisibilityTimeout", queue.timeout() * 6);
                ObjectNode mapping = resources.putObject(queueId + "EventSource").put("Type", "AWS::Lambda::EventSourceMapping")
                        .putObject("Properties");
                mapping.putObject("EventSourceArn").putArray("Fn::GetAtt").add(queueId).add("Arn");
                mapping.putObject("FunctionName").put("Ref", function);
            }
        }
        ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("Stage").put("Value", manifest.stage());
        outputs.putObject("BuildId").put("Value", buildId);
        return template.toString();
    }

    private static void function(ObjectNode resources, String id, String name, String type, StageManifest manifest,
                                 FunctionSettings settings, String imageUri) {
        ObjectNode properties = resources.putObject(id).put("Type", "AWS::Lambda::Function").putObject("Properties");
        properties.put("FunctionName", name).put("PackageType", "Image")
                .put("MemorySize", settings.memory()).put("Timeout", settings.timeout());
        properties.putObject("Code").put("ImageUri", imageUri);
        properties.putObject("Role").putArray("Fn::GetAtt").add("LambdaExecutionRole").add("Arn");
        ObjectNode variables = properties.putObject("Environment").putObject("Variables");
        variables.put("HOVER_FUNCTION_TYPE", type);
        variables.put("HOVER_STAGE", manifest.stage());
    }

    private static String logical(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
