package dev.hover.plugin.iam;

import dev.hover.plugin.iam.AwsCall.Permission;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;

import java.net.URI;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every AWS API call the plugin's own code makes in this module's tests, as the IAM
 * permissions it needs. Registered for every SDK client of the test JVM the SDK's standard way
 * (the classpath resource {@code software/amazon/awssdk/global/handlers/execution.interceptors});
 * calls made by the tests themselves (setting moto up, checking what a deploy did) are not the
 * plugin's and are left out: the innermost Hover class on the caller's stack decides.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    /** SDK service names to IAM prefixes, for the services the plugin calls. */
    private static final Map<String, String> PREFIXES = Map.of(
            "cloudformation", "cloudformation", "cloudwatchlogs", "logs", "ecr", "ecr", "kms", "kms",
            "lambda", "lambda", "s3", "s3", "sqs", "sqs", "sts", "sts");
    /** Operations whose IAM action is not their name. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("s3:HeadBucket", "s3:ListBucket"),
            Map.entry("s3:HeadObject", "s3:GetObject"),
            Map.entry("s3:ListObjectsV2", "s3:ListBucket"),
            Map.entry("s3:ListObjectVersions", "s3:ListBucketVersions"),
            Map.entry("s3:PutBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("s3:PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
            Map.entry("lambda:Invoke", "lambda:InvokeFunction"),
            Map.entry("sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility"),
            Map.entry("sqs:DeleteMessageBatch", "sqs:DeleteMessage"),
            Map.entry("sqs:SendMessageBatch", "sqs:SendMessage"));
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ConcurrentLinkedQueue<AwsCall> CALLS = new ConcurrentLinkedQueue<>();

    /** The calls recorded since the last time they were taken. */
    static List<AwsCall> take() {
        List<AwsCall> taken = new ArrayList<>();
        for (AwsCall call; (call = CALLS.poll()) != null; ) {
            taken.add(call);
        }
        return taken;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!madeByThePlugin()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
        String prefix = PREFIXES.get(service);
        String operation = (prefix == null ? service : prefix) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (prefix == null) {
            // a service the plugin did not call before: record it under its name, which no policy allows
            CALLS.add(new AwsCall(operation, List.of(new Permission(operation, Optional.empty()))));
            return;
        }
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        Arns arns = new Arns(region.metadata() == null ? "aws" : region.metadata().partition().id(), region.id());
        CALLS.add(new AwsCall(operation, permissions(operation, context.request(), arns)));
    }

    private static List<Permission> permissions(String operation, SdkRequest request, Arns arns) {
        String action = ACTIONS.getOrDefault(operation, operation);
        if (operation.equals("s3:CopyObject")) {
            return List.of(
                    new Permission("s3:GetObject", arns.s3(field(request, "SourceBucket"), field(request, "SourceKey"))),
                    new Permission("s3:PutObject", arns.s3(field(request, "DestinationBucket"), field(request, "DestinationKey"))));
        }
        if (request instanceof DeleteObjectsRequest batch) {
            // one permission per object: of its version when the request names one
            return batch.delete().objects().stream().map(o -> new Permission(
                    o.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                    arns.s3(Optional.of(batch.bucket()), Optional.of(o.key())))).toList();
        }
        return List.of(new Permission(action, resource(operation.substring(0, operation.indexOf(':')), request, arns)));
    }

    private static Optional<String> resource(String prefix, SdkRequest request, Arns arns) {
        return switch (prefix) {
            case "s3" -> arns.s3(field(request, "Bucket"), field(request, "Key"));
            case "cloudformation" -> field(request, "StackName").map(arns::stack);
            case "lambda" -> field(request, "FunctionName").map(name -> arns.function(name, field(request, "Qualifier")));
            case "logs" -> field(request, "logGroupName").map(arns::logGroup);
            case "sqs" -> field(request, "QueueUrl").map(url -> arns.queue(URI.create(url).getPath().replaceAll(".*/", "")))
                    .or(() -> field(request, "QueueName").map(arns::queue));
            case "ecr" -> field(request, "repositoryName").map(arns::repository);
            case "kms" -> field(request, "AliasName").map(arns::alias);
            default -> Optional.empty();
        };
    }

    private static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, Object.class).map(String::valueOf);
    }

    /** Whether the innermost Hover class calling the SDK is the plugin's (or the model's), not a test's. */
    private static boolean madeByThePlugin() {
        return STACK.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith("dev.hover.") && type != AwsCallRecorder.class)
                .findFirst()
                .map(AwsCallRecorder::isProductClass)
                .orElse(false));
    }

    private static boolean isProductClass(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String location = source == null ? "" : source.getLocation().toString();
        return !location.contains("test-classes") && !location.contains("hover-test-support");
    }

    /** ARNs as IAM names the resources acted on; the account is a wildcard's business. */
    private record Arns(String partition, String region) {
        private static final String ACCOUNT = "000000000000";

        Optional<String> s3(Optional<String> bucket, Optional<String> key) {
            return bucket.map(b -> "arn:" + partition + ":s3:::" + b + key.map(k -> "/" + k).orElse(""));
        }

        String stack(String name) {
            return name.startsWith("arn:") ? name : regional("cloudformation", "stack/" + name + "/id");
        }

        String function(String name, Optional<String> qualifier) {
            return name.startsWith("arn:") ? name : regional("lambda", "function:" + name + qualifier.map(q -> ":" + q).orElse(""));
        }

        String logGroup(String name) {
            return regional("logs", "log-group:" + name);
        }

        String queue(String name) {
            return regional("sqs", name);
        }

        String repository(String name) {
            return regional("ecr", "repository/" + name);
        }

        String alias(String name) {
            return regional("kms", name);
        }

        private String regional(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
        }
    }
}
