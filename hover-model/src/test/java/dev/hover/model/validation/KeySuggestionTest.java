package dev.hover.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    private static final List<String> KEYS = List.of("name", "region", "aws-profile", "deploy-commands", "queue");

    @Test
    void suggestsTheKeyATypoWasMeantToBe() {
        assertThat(KeySuggestion.closest("nmae", KEYS)).contains("name");
        assertThat(KeySuggestion.closest("regoin", KEYS)).contains("region");
        assertThat(KeySuggestion.closest("Region", KEYS)).contains("region");
        assertThat(KeySuggestion.closest("awsProfile", KEYS)).contains("aws-profile");
        assertThat(KeySuggestion.closest("deploy_commands", KEYS)).contains("deploy-commands");
        assertThat(KeySuggestion.closest("queues", KEYS)).contains("queue");
    }

    @Test
    void suggestsNothingForAKeyUnlikeAnyKnownOne() {
        assertThat(KeySuggestion.closest("colour", KEYS)).isEmpty();
        assertThat(KeySuggestion.closest("nm", KEYS)).isEmpty();
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(KeySuggestion.distance("memroy", "memory")).isEqualTo(1);
        assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
    }
}
