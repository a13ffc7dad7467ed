package dev.hover.runtime.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What SQS would refuse is refused at the call, with the limit in the message. */
class PendingJobTest {

    static final class Greet implements Job<String> {
        @Override
        public void handle(String data, JobContext context) {
        }
    }

    private static PendingJob job() {
        return Jobs.job(Greet.class, "hello");
    }

    @Test
    void acceptsSettingsWithinSqssLimits() {
        assertThatCode(() -> job().onQueue("mail").delay(Duration.ofSeconds(900)).tries(1).backoff(0, 43_200)
                .timeout(Duration.ofSeconds(1))).doesNotThrowAnyException();
    }

    @Test
    void aDelayBeyondFifteenMinutesIsRefused() {
        assertThatThrownBy(() -> job().delay(Duration.ofSeconds(901)))
                .hasMessage("delay must be between 0 and 900 seconds (SQS's limit), was 901 s");
        assertThatThrownBy(() -> job().delay(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("delay must be between 0 and 900 seconds");
    }

    @Test
    void triesBackoffTimeoutAndQueueAreChecked() {
        assertThatThrownBy(() -> job().tries(0)).hasMessage("tries must be at least 1, was 0");
        assertThatThrownBy(() -> job().backoff()).hasMessage("backoff needs at least one delay");
        assertThatThrownBy(() -> job().backoff(10, 43_201))
                .hasMessage("each backoff must be between 0 and 43200 seconds (SQS's visibility limit), was 43201");
        assertThatThrownBy(() -> job().timeout(Duration.ofMillis(500))).hasMessage("timeout must be at least 1 second, was PT0.5S");
        assertThatThrownBy(() -> job().onQueue(" ")).hasMessage("queue name must not be blank");
    }
}
