package dev.hover.runtime.queue;

import java.util.List;
import java.util.OptionalInt;

/**
 * How often a job runs and how long it waits between runs: the queue function's {@code tries} and
 * {@code backoff}, with the job's own overrides applied.
 *
 * @param tries          attempts in all
 * @param backoff        seconds before each retry; the last value repeats; empty means no wait
 * @param timeoutSeconds how long one attempt may run; empty means until the invocation's deadline
 */
public record RetryPolicy(int tries, List<Integer> backoff, OptionalInt timeoutSeconds) {

    public RetryPolicy {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        backoff = List.copyOf(backoff);
    }

    /** The queue function's settings, no per-attempt timeout. */
    public static RetryPolicy of(int tries, List<Integer> backoff) {
        return new RetryPolicy(tries, backoff, OptionalInt.empty());
    }

    public RetryPolicy with(RetryOverrides overrides) {
        return new RetryPolicy(
                overrides.tries().orElse(tries),
                overrides.backoff().orElse(backoff),
                overrides.timeoutSeconds().isPresent() ? overrides.timeoutSeconds() : timeoutSeconds);
    }

    /** Whether another attempt follows a failed {@code attempt}. */
    public boolean hasTriesAfter(int attempt) {
        return attempt < tries;
    }

    /** Seconds to wait after failed attempt {@code attempt} (1-based) before the next one. */
    public int backoffAfter(int attempt) {
        if (backoff.isEmpty()) {
            return 0;
        }
        return backoff.get(Math.min(Math.max(attempt, 1), backoff.size()) - 1);
    }
}
