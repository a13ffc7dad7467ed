package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

/** Per function: its log group, the function itself, and its {@code live} alias. */
final class FunctionResources {
    /** Long enough to look back over a release cycle, short enough not to keep logs forever by default. */
    static final int LOG_RETENTION_DAYS = 30;

    /**
     * What the alias points at when the stack creates it. The deploy moves {@code live} to each new
     * version itself (UpdateAlias) after its deploy commands pass; since this value never changes, a
     * later stack update leaves the alias alone instead of moving it back.
     */
    static final String ALIAS_VERSION_AT_CREATION = "$LATEST";

    private FunctionResources() {
    }

    static void add(Resources resources, StageManifest manifest, StageFunction function, String imageUri,
                    JsonNode roleArn) {
        Names names = Names.of(manifest);
        resources.addDeletedWithStack(function.logGroupId(), "AWS::Logs::LogGroup", Cfn.object()
                .put("LogGroupName", names.logGroup(function.name()))
                .put("RetentionInDays", LOG_RETENTION_DAYS));

        ObjectNode properties = Cfn.object()
                .put("FunctionName", function.name())
                .put("Description", "Hover " + function.type() + " function of stage " + manifest.stage())
                .put("PackageType", "Image");
        properties.putObject("Code").put("ImageUri", imageUri);
        properties.set("Architectures", Cfn.array(manifest.java().architecture().lambdaName()));
        properties.put("MemorySize", function.settings().memory());
        properties.put("Timeout", function.settings().timeout());
        function.settings().concurrency().ifPresent(reserved -> properties.put("ReservedConcurrentExecutions", reserved));
        properties.set("Role", roleArn);
        ObjectNode variables = properties.putObject("Environment").putObject("Variables");
        variables.put("HOVER_FUNCTION_TYPE", function.type());
        function.queueFunction().ifPresent(queueFunction -> variables.put("HOVER_QUEUE_FUNCTION", queueFunction));
        variables.put("HOVER_STAGE", manifest.stage());
        if (function.type().equals("http")) {
            // what the distribution's origin header carries (DistributionResources)
            variables.set(ViewerHeaders.ORIGIN_VERIFY_VARIABLE, Cfn.ref("AWS::StackId"));
        }
        properties.putObject("LoggingConfig").set("LogGroup", Cfn.ref(function.logGroupId()));
        manifest.vpc().ifPresent(vpc -> {
            ObjectNode vpcConfig = properties.putObject("VpcConfig");
            vpcConfig.set("SecurityGroupIds", Cfn.array(vpc.securityGroups()));
            vpcConfig.set("SubnetIds", Cfn.array(vpc.subnets()));
        });
        resources.add(function.functionId(), "AWS::Lambda::Function", properties);
        if (function.settings().snapstart()) {
            // Lambda snapshots each version when the deploy publishes it; $LATEST never has one
            properties.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
            // W2530 expects an AWS::Lambda::Version in the template; the deploy publishes the versions
            // itself (PublishVersion, then waits for each snapshot) so that live moves only after them
            ((ObjectNode) resources.node().get(function.functionId())).putObject("Metadata").putObject("cfn-lint")
                    .putObject("config").set("ignore_checks", Cfn.array("W2530"));
        }

        ObjectNode alias = Cfn.object();
        alias.set("FunctionName", Cfn.ref(function.functionId()));
        alias.put("FunctionVersion", ALIAS_VERSION_AT_CREATION);
        alias.put("Name", Names.LIVE_ALIAS);
        resources.add(function.aliasId(), "AWS::Lambda::Alias", alias);
    }
}
