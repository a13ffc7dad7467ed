package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.List;

/**
 * The role every function of the stage assumes: {@code auth.lambda-role} when given, else one made in
 * the stack that may do what the runtime does and nothing more.
 */
final class ExecutionRole {
    static final String LOGICAL_ID = "LambdaExecutionRole";

    private ExecutionRole() {
    }

    /** Adds the role when the stack makes it, and returns what a function's {@code Role} is set to. */
    static JsonNode add(Resources resources, StageManifest manifest, List<StageFunction> functions,
                          List<StageQueue> queues) {
        if (manifest.auth().lambdaRole().isPresent()) {
            return TextNode.valueOf(manifest.auth().lambdaRole().get());
        }
        ObjectNode properties = Cfn.object();
        ObjectNode assumeRole = Cfn.object().put("Effect", "Allow").put("Action", "sts:AssumeRole");
        assumeRole.putObject("Principal").put("Service", "lambda.amazonaws.com");
        properties.set("AssumeRolePolicyDocument", Cfn.policyDocument(Cfn.array(assumeRole)));
        properties.put("Description", "Execution role of the functions of Hover stage " + manifest.name());
        ObjectNode policy = Cfn.object().put("PolicyName", "hover-stage");
        policy.set("PolicyDocument", Cfn.policyDocument(statements(manifest, functions, queues)));
        properties.set("Policies", Cfn.array(policy));
        resources.add(LOGICAL_ID, "AWS::IAM::Role", properties);
        return Cfn.getAtt(LOGICAL_ID, "Arn");
    }

    private static ArrayNode statements(StageManifest manifest, List<StageFunction> functions, List<StageQueue> queues) {
        Names names = Names.of(manifest);
        ArrayNode statements = Cfn.array();
        statements.add(statement("WriteLogs", Cfn.array("logs:CreateLogStream", "logs:PutLogEvents"),
                Cfn.array(functions.stream().map(f -> Cfn.getAtt(f.logGroupId(), "Arn")).toList())));
        if (!queues.isEmpty()) {
            List<ObjectNode> queueArns = queues.stream().map(queue -> Cfn.getAtt(queue.queueId(), "Arn")).toList();
            // what the event source mapping needs, and the worker's deletes; retries go back as new messages
            statements.add(statement("ConsumeJobs", Cfn.array("sqs:ReceiveMessage", "sqs:DeleteMessage",
                    "sqs:GetQueueAttributes"), Cfn.array(queueArns)));
            statements.add(statement("DispatchJobs", Cfn.array("sqs:SendMessage", "sqs:GetQueueUrl"),
                    Cfn.array(queueArns)));
            statements.add(statement("RecordFailedJobs", Cfn.array("sqs:SendMessage", "sqs:GetQueueUrl"),
                    Cfn.array(Cfn.getAtt(QueueResources.FAILED_JOBS_ID, "Arn"))));
        }
        String httpFunction = "function:" + names.httpFunction();
        statements.add(statement("WarmHttpFunction", Cfn.array("lambda:InvokeFunction"), Cfn.array(
                Cfn.regionalArn("lambda", httpFunction), Cfn.regionalArn("lambda", httpFunction + ":*"))));
        ObjectNode decrypt = statement("DecryptSecrets", Cfn.array("kms:Decrypt"),
                Cfn.array(Cfn.regionalArn("kms", "key/*")));
        // the key is made outside the stack, when secrets are first encrypted: find it by its alias
        decrypt.putObject("Condition").putObject("ForAnyValue:StringEquals")
                .put("kms:ResourceAliases", names.secretsKeyAlias());
        statements.add(decrypt);
        if (manifest.vpc().isPresent()) {
            // Lambda attaches the functions to the VPC through network interfaces it manages with the role
            statements.add(statement("ManageVpcNetworkInterfaces", Cfn.array("ec2:CreateNetworkInterface",
                    "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                    "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"), Cfn.array("*")));
        }
        return statements;
    }

    private static ObjectNode statement(String sid, ArrayNode actions, ArrayNode resources) {
        ObjectNode statement = Cfn.object().put("Sid", sid).put("Effect", "Allow");
        statement.set("Action", actions);
        statement.set("Resource", resources);
        return statement;
    }
}
