package dev.hover.plugin.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.secrets.StageBinding;

/**
 * The key policy of a stage key. The account administers the key and grants its use through IAM
 * (KMS's default: the deploying users and the function's role get permissions from their IAM
 * policies); on top, a deny makes the key useless for anything but this stage's secrets: every
 * cryptographic call must carry the stage's {@code hover:name} encryption context.
 */
final class StageKeyPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageKeyPolicy() {
    }

    /**
     * @param callerArn the ARN of whoever creates the key (from STS), e.g.
     *                  {@code arn:aws:sts::123456789012:assumed-role/Deployer/session}: gives the
     *                  partition and the account
     */
    static String of(String callerArn, StageBinding stage) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "hover-secrets-key");
        ArrayNode statements = policy.putArray("Statement");

        ObjectNode account = statements.addObject().put("Sid", "AccountAdministersAndGrantsThroughIam").put("Effect", "Allow");
        account.putObject("Principal").put("AWS", accountRoot(callerArn));
        account.put("Action", "kms:*").put("Resource", "*");

        ObjectNode onlyThisStage = statements.addObject().put("Sid", "OnlyThisStagesSecrets").put("Effect", "Deny");
        onlyThisStage.putObject("Principal").put("AWS", "*");
        onlyThisStage.putArray("Action").add("kms:Encrypt").add("kms:Decrypt").add("kms:ReEncrypt*").add("kms:GenerateDataKey*");
        onlyThisStage.put("Resource", "*");
        onlyThisStage.putObject("Condition").putObject("StringNotEquals")
                .put("kms:EncryptionContext:" + StageBinding.CONTEXT_NAME, stage.name());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** {@code arn:<partition>:iam::<account>:root} of the account {@code callerArn} belongs to. */
    static String accountRoot(String callerArn) {
        String[] parts = callerArn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[4].matches("[0-9]{12}")) {
            throw new IllegalArgumentException("not an IAM or STS ARN: " + callerArn);
        }
        return "arn:" + parts[1] + ":iam::" + parts[4] + ":root";
    }
}
