package dev.hover.runtime.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBudgetTest {
    private static final Instant START = Instant.parse("2026-11-26T17:40:00Z");

    @Test
    void aLongInvocationKeepsTwoSecondsForAFailureHookAndOneForTheAnswer() {
        TimeBudget budget = TimeBudget.of(START, START.plusSeconds(60));

        assertThat(budget.stopAt()).isEqualTo(START.plusSeconds(59));
        assertThat(budget.attemptsEnd()).isEqualTo(START.plusSeconds(57));
        assertThat(budget.minimumRun()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aShortInvocationKeepsAFifthAndATenth() {
        TimeBudget budget = TimeBudget.of(START, START.plusSeconds(5));

        assertThat(budget.stopAt()).isEqualTo(START.plusMillis(4_500));
        assertThat(budget.attemptsEnd()).isEqualTo(START.plusMillis(3_500));
    }

    @Test
    void aJobStartsOnlyWhenItsTimeoutEndsBeforeTheAttemptsEnd() {
        TimeBudget budget = TimeBudget.of(START, START.plusSeconds(60));

        assertThat(budget.fits(START.plusSeconds(40), OptionalInt.of(17), false)).isTrue();
        assertThat(budget.fits(START.plusSeconds(40), OptionalInt.of(18), false)).isFalse();
        assertThat(budget.fits(START.plusSeconds(56), OptionalInt.empty(), false)).as("a second is left").isTrue();
        assertThat(budget.fits(START.plusMillis(56_500), OptionalInt.empty(), false)).isFalse();
        assertThat(budget.attemptDeadline(START.plusSeconds(50), OptionalInt.of(30))).isEqualTo(budget.attemptsEnd());
        assertThat(budget.attemptDeadline(START.plusSeconds(10), OptionalInt.of(30))).isEqualTo(START.plusSeconds(40));
    }

    @Test
    void onlyAFirstJobWhoseTimeoutNoInvocationCouldFitStartsRegardless() {
        TimeBudget budget = TimeBudget.of(START, START.plusSeconds(60));

        assertThat(budget.fits(START, OptionalInt.of(600), true)).isTrue();
        assertThat(budget.fits(START, OptionalInt.of(600), false)).isFalse();
        assertThat(budget.fits(START.plusSeconds(30), OptionalInt.of(40), true)).as("it fits a fresh invocation").isFalse();
    }
}
