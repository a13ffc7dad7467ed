package dev.hover.runtime.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * How one invocation's time is shared out: the batch stops starting jobs when a job can no longer
 * end before {@code attemptsEnd}, which leaves time for a failure hook and, after it, for the SQS
 * calls and the answer. The reserves shrink with very short function timeouts.
 *
 * @param started     when the invocation's batch started
 * @param attemptsEnd when every attempt must have ended
 * @param stopAt      when the failure hooks must have ended
 * @param minimumRun  the least time a job with no timeout of its own is started with
 */
record TimeBudget(Instant started, Instant attemptsEnd, Instant stopAt, Duration minimumRun) {
    /** For the SQS calls after the last record, and the answer. */
    static final Duration FINISH_MARGIN = Duration.ofSeconds(1);
    /** What a failure hook is given at least. */
    static final Duration HOOK_TIME = Duration.ofSeconds(2);
    static final Duration MINIMUM_RUN = Duration.ofSeconds(1);

    static TimeBudget of(Instant now, Instant deadline) {
        Duration total = Duration.between(now, deadline);
        Instant stopAt = deadline.minus(min(FINISH_MARGIN, total.dividedBy(10)));
        Instant attemptsEnd = stopAt.minus(min(HOOK_TIME, total.dividedBy(5)));
        return new TimeBudget(now, attemptsEnd, stopAt, min(MINIMUM_RUN, total.dividedBy(10)));
    }

    /**
     * Whether a job may start now: its own timeout (or the minimum run) ends before {@code attemptsEnd}.
     * A job whose timeout exceeds what the whole invocation offers still starts when it is the first,
     * so that it runs at all (and is cut at {@code attemptsEnd}).
     */
    boolean fits(Instant now, OptionalInt timeoutSeconds, boolean first) {
        if (!now.isBefore(attemptsEnd)) {
            return false;
        }
        Duration need = timeoutSeconds.isPresent() ? Duration.ofSeconds(timeoutSeconds.getAsInt()) : minimumRun;
        boolean neverFits = need.compareTo(Duration.between(started, attemptsEnd)) > 0;
        return (first && neverFits) || !now.plus(need).isAfter(attemptsEnd);
    }

    /** When an attempt starting now must end: its own timeout, or {@code attemptsEnd} if sooner. */
    Instant attemptDeadline(Instant now, OptionalInt timeoutSeconds) {
        if (timeoutSeconds.isEmpty()) {
            return attemptsEnd;
        }
        Instant own = now.plusSeconds(timeoutSeconds.getAsInt());
        return own.isBefore(attemptsEnd) ? own : attemptsEnd;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
