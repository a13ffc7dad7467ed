package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lets an AWS service invoke a function's {@code live} alias, and only from the one source that needs to. */
final class InvokePermission {
    private InvokePermission() {
    }

    static void add(Resources resources, String logicalId, StageFunction function, String principal,
                    ObjectNode sourceArn) {
        ObjectNode properties = Cfn.object().put("Action", "lambda:InvokeFunction");
        properties.set("FunctionName", function.liveAliasArn());
        properties.put("Principal", principal);
        properties.set("SourceArn", sourceArn);
        resources.add(logicalId, "AWS::Lambda::Permission", properties);
    }
}
