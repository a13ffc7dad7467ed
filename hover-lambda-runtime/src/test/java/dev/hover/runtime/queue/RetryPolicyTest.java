package dev.hover.runtime.queue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void backoffFollowsTheListAndRepeatsItsLastValue() {
        RetryPolicy policy = RetryPolicy.of(5, List.of(10, 60, 300));
        assertThat(policy.backoffAfter(1)).isEqualTo(10);
        assertThat(policy.backoffAfter(2)).isEqualTo(60);
        assertThat(policy.backoffAfter(3)).isEqualTo(300);
        assertThat(policy.backoffAfter(4)).isEqualTo(300);
    }

    @Test
    void noBackoffMeansRetryAtOnce() {
        assertThat(RetryPolicy.of(3, List.of()).backoffAfter(2)).isZero();
    }

    @Test
    void triesLeftAfterAnAttempt() {
        RetryPolicy policy = RetryPolicy.of(3, List.of(0));
        assertThat(policy.hasTriesAfter(1)).isTrue();
        assertThat(policy.hasTriesAfter(2)).isTrue();
        assertThat(policy.hasTriesAfter(3)).isFalse();
        assertThat(RetryPolicy.of(1, List.of(0)).hasTriesAfter(1)).isFalse();
    }

    @Test
    void aJobsOverridesReplaceTheFunctionsSettings() {
        RetryPolicy function = RetryPolicy.of(3, List.of(5));
        RetryPolicy job = function.with(new RetryOverrides(OptionalInt.of(7), Optional.of(List.of(1, 2)), OptionalInt.of(30)));
        assertThat(job).isEqualTo(new RetryPolicy(7, List.of(1, 2), OptionalInt.of(30)));
        assertThat(function.with(RetryOverrides.NONE)).isEqualTo(function);
        assertThat(function.with(new RetryOverrides(OptionalInt.empty(), Optional.of(List.of(9)), OptionalInt.empty())))
                .isEqualTo(RetryPolicy.of(3, List.of(9)));
    }

    @Test
    void needsAtLeastOneTry() {
        assertThatThrownBy(() -> RetryPolicy.of(0, List.of())).hasMessage("tries must be at least 1, was 0");
    }
}
