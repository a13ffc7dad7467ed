package dev.hover.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentConflictsTest {
    private static final EncryptedSecretsFile SECRETS = new EncryptedSecretsFile(
            new StageBinding("shop-staging", "staging"), "key", List.of("DB_PASSWORD", "API_TOKEN"),
            new byte[1], new byte[12], new byte[16]);

    @Test
    void acceptsDisjointVariables() {
        assertThatCode(() -> EnvironmentConflicts.requireDisjoint(Map.of("DB_HOST", "db"), ".hover/staging.yml", SECRETS))
                .doesNotThrowAnyException();
    }

    @Test
    void namesEveryVariableSetInBothPlaces() {
        Map<String, String> environment = Map.of("API_TOKEN", "x", "DB_PASSWORD", "y", "DB_HOST", "db");

        assertThatThrownBy(() -> EnvironmentConflicts.requireDisjoint(environment, ".hover/staging.yml", SECRETS))
                .hasMessage("DB_PASSWORD, API_TOKEN are set both in the environment of .hover/staging.yml and in the secrets "
                        + "of stage staging (.hover/staging-secrets.env): a secret overrides nothing; remove one of them");
    }
}
