package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.FunctionSettings;
import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;

import java.util.Map;

/**
 * A stage template of the resource types moto applies (functions, queues, event source mappings,
 * a role), so the deploy steps can be exercised end to end; the product's full template is the
 * template module's and is checked by cfn-lint there.
 */
final class SampleStageTemplate implements TemplateSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public StackTemplate render(StageManifest manifest, String imageUri, String buildId, String assetUrl) {
        Names names = Names.of(manifest);
        ObjectNode template = JSON.createObjectNode();
        ObjectNode parameters = template.putObject("Parameters");
        for (String parameter : new String[] {"ImageUri", "BuildId", "AssetUrl"}) {
            parameters.putObject(parameter).put("Type", "String");
        }
        ObjectNode resources = template.putObject("Resources");
        resources.putObject("FunctionRole").put("Type", "AWS::IAM::Role").putObject("Properties")
                .put("RoleName", manifest.name() + "-lambda")
                .putObject("AssumeRolePolicyDocument").put("Version", "2012-10-17");
        function(resources, "HttpFunction", names.httpFunction(), "http", manifest.http());
        function(resources, "CliFunction", names.cliFunction(), "cli", manifest.cli());
        for (QueueFunction queue : manifest.queues().values()) {
            String id = logical(queue.function());
            function(resources, id + "QueueFunction", names.queueFunction(queue.function()), "queue", queue);
            for (String name : queue.queues()) {
                String queueId = logical(name) + "Queue";
                resources.putObject(queueId).put("Type", "AWS::SQS::Queue").putObject("Properties")
                        .put("QueueName", names.queue(name)).put("VisibilityTimeout", queue.timeout() * 6);
                ObjectNode mapping = resources.putObject(queueId + "Mapping").put("Type", "AWS::Lambda::EventSourceMapping")
                        .putObject("Properties");
                mapping.putObject("EventSourceArn").putArray("Fn::GetAtt").add(queueId).add("Arn");
                mapping.putObject("FunctionName").put("Ref", id + "QueueFunction");
            }
        }
        template.putObject("Outputs").putObject("HttpFunctionArn").putObject("Value").putArray("Fn::GetAtt").add("HttpFunction").add("Arn");
        return new StackTemplate(template.toString(), Map.of("ImageUri", imageUri, "BuildId", buildId, "AssetUrl", assetUrl));
    }

    private static void function(ObjectNode resources, String id, String name, String type, FunctionSettings settings) {
        ObjectNode properties = resources.putObject(id).put("Type", "AWS::Lambda::Function").putObject("Properties");
        properties.put("FunctionName", name).put("PackageType", "Image")
                .put("MemorySize", settings.memory()).put("Timeout", settings.timeout());
        properties.putObject("Code").putObject("ImageUri").put("Ref", "ImageUri");
        properties.putObject("Role").putArray("Fn::GetAtt").add("FunctionRole").add("Arn");
        ObjectNode variables = properties.putObject("Environment").putObject("Variables");
        variables.put("HOVER_FUNCTION_TYPE", type);
        variables.putObject("HOVER_BUILD_ID").put("Ref", "BuildId");
        variables.putObject("ASSET_URL").put("Ref", "AssetUrl");
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
