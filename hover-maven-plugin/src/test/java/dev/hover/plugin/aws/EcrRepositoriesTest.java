package dev.hover.plugin.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EcrRepositoriesTest {
    @Test
    void theLifecycleRuleExpiresUntaggedImagesBeyondTheBound() throws Exception {
        JsonNode rule = new ObjectMapper().readTree(EcrRepositories.lifecyclePolicy(20)).path("rules").get(0);

        assertThat(rule.path("selection").path("tagStatus").asText()).isEqualTo("untagged");
        assertThat(rule.path("selection").path("countType").asText()).isEqualTo("imageCountMoreThan");
        assertThat(rule.path("selection").path("countNumber").asInt()).isEqualTo(20);
        assertThat(rule.path("action").path("type").asText()).isEqualTo("expire");
    }
}
