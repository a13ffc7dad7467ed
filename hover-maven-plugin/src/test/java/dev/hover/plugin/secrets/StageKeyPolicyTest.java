package dev.hover.plugin.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.secrets.StageBinding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageKeyPolicyTest {
    @Test
    void letsTheAccountAdministerAndDeniesUseOutsideTheStagesContext() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(StageKeyPolicy.of(
                "arn:aws:sts::123456789012:assumed-role/Deployer/ci", new StageBinding("shop-staging", "staging")));

        JsonNode account = policy.get("Statement").get(0);
        assertThat(account.get("Effect").asText()).isEqualTo("Allow");
        assertThat(account.at("/Principal/AWS").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(account.get("Action").asText()).isEqualTo("kms:*");

        JsonNode deny = policy.get("Statement").get(1);
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.at("/Condition/StringNotEquals/kms:EncryptionContext:hover:name").asText()).isEqualTo("shop-staging");
        assertThat(deny.get("Action").toString()).contains("kms:Decrypt", "kms:GenerateDataKey*");
    }

    @Test
    void keepsThePartitionOfTheCaller() {
        assertThat(StageKeyPolicy.accountRoot("arn:aws-cn:iam::123456789012:user/dev")).isEqualTo("arn:aws-cn:iam::123456789012:root");
        assertThatThrownBy(() -> StageKeyPolicy.accountRoot("not-an-arn")).hasMessageContaining("not an IAM or STS ARN");
    }
}
