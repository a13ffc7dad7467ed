package dev.hover.model.validation;

import dev.hover.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS's limits on the names {@link Names} derives from a manifest. Checking the derived names
 * (rather than a fixed maximum for {@code name}) keeps these rules right if a naming rule changes.
 */
public final class DerivedNameRules {
    static final int MAX_FUNCTION_NAME = 64;
    static final int MAX_QUEUE_NAME = 80;
    static final int MAX_BUCKET_NAME = 63;
    static final int MAX_STACK_NAME = 128;
    static final int MAX_REPOSITORY_NAME = 256;
    static final int MAX_LOG_GROUP_NAME = 512;
    static final int MAX_KMS_ALIAS = 256;

    private DerivedNameRules() {
    }

    /** What is wrong with the names derived from a well-formed {@code name}, one message per name. */
    public static List<String> checkName(String name) {
        Names names = new Names(name);
        List<String> problems = new ArrayList<>();
        tooLong(names.stack(), "CloudFormation stack", MAX_STACK_NAME).ifPresent(problems::add);
        tooLong(names.httpFunction(), "http function", MAX_FUNCTION_NAME).ifPresent(problems::add);
        tooLong(names.cliFunction(), "cli function", MAX_FUNCTION_NAME).ifPresent(problems::add);
        tooLong(names.logGroup(names.httpFunction()), "http log group", MAX_LOG_GROUP_NAME).ifPresent(problems::add);
        tooLong(names.repository(), "ECR repository", MAX_REPOSITORY_NAME).ifPresent(problems::add);
        tooLong(names.secretsKeyAlias(), "KMS key alias", MAX_KMS_ALIAS).ifPresent(problems::add);
        bucket(names.assetsBucket()).ifPresent(problems::add);
        return problems;
    }

    /** What is wrong with the function name derived from {@code queue.<function>}. */
    public static Optional<String> checkQueueFunction(String name, String function) {
        Names names = new Names(name);
        return tooLong(names.queueFunction(function), "queue function", MAX_FUNCTION_NAME);
    }

    /** What is wrong with the SQS queue name derived from a name under {@code queues}. */
    public static Optional<String> checkQueue(String name, String queue) {
        return tooLong(new Names(name).queue(queue), "SQS queue", MAX_QUEUE_NAME);
    }

    private static Optional<String> bucket(String bucket) {
        if (bucket.startsWith("xn--") || bucket.startsWith("sthree-")) {
            return Optional.of("the assets bucket would be named '" + bucket
                    + "', and S3 reserves names starting with xn-- or sthree-");
        }
        return tooLong(bucket, "S3 assets bucket", MAX_BUCKET_NAME);
    }

    private static Optional<String> tooLong(String derived, String what, int max) {
        if (derived.length() <= max) {
            return Optional.empty();
        }
        return Optional.of("too long: the " + what + " would be named '" + derived + "' (" + derived.length()
                + " characters; AWS allows at most " + max + ")");
    }
}
