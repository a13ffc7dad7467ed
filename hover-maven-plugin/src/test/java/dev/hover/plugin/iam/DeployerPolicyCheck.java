package dev.hover.plugin.iam;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fails every test class of this module in which the plugin made an AWS call that the deploying
 * user's policy (docs/iam/deployer.json) does not allow. Registered for every test class through
 * JUnit's extension auto-detection (junit-platform.properties, META-INF/services), so that a new
 * call in any moto test is checked without the test knowing. Writes the class's calls to
 * {@code target/aws-calls/<class>.txt}.
 *
 * <p>The tests use many stages, so the policy is rendered for any stage name, account and (per call)
 * the call's region: what is checked is each action, and each resource's shape where the request
 * names it (the bucket {@code <name>-assets}, functions {@code <name>-*}, log groups, queues,
 * the stack, the repository, the key's alias).
 */
public final class DeployerPolicyCheck implements BeforeAllCallback, AfterAllCallback {
    private static final Map<String, PolicyEvaluator> BY_REGION = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        AwsCallRecorder.take();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        List<AwsCall> calls = AwsCallRecorder.take();
        if (calls.isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getName();
        Path record = Path.of("target", "aws-calls", name + ".txt");
        Files.createDirectories(record.getParent());
        Files.write(record, calls.stream().map(call -> call.operation() + " " + call.permissions()).toList());
        List<String> refused = refused(calls);
        if (!refused.isEmpty()) {
            throw new AssertionError("The plugin made AWS calls that docs/iam/deployer.json does not allow:\n  "
                    + String.join("\n  ", refused));
        }
    }

    /** The permissions of these calls that the deploying user's policy does not grant, one line each. */
    static List<String> refused(List<AwsCall> calls) {
        return calls.stream()
                .flatMap(call -> call.permissions().stream()
                        .filter(p -> deployer(region(p)).allowing(p.action(), p.resource()).isEmpty())
                        .map(p -> call.operation() + " needs " + p))
                .distinct()
                .collect(Collectors.toList());
    }

    private static String region(AwsCall.Permission permission) {
        // arn:partition:service:region:...; calls naming no resource are checked against us-east-1's policy
        return permission.resource().map(arn -> arn.split(":", -1)).filter(parts -> parts.length > 3 && !parts[3].isEmpty())
                .map(parts -> parts[3]).orElse("us-east-1");
    }

    /** The deploying user's policy for a stage of any name in the region, in any account. */
    static PolicyEvaluator deployer(String region) {
        return BY_REGION.computeIfAbsent(region, r -> new PolicyEvaluator(
                new IamPolicies().render(new PolicyStage("*", r, "*", "*", Optional.empty(), Optional.empty(), false))
                        .get(PolicyDocument.DEPLOYER)));
    }
}
