package dev.hover.runtime.api;

import dev.hover.runtime.queue.DispatchRequest;
import dev.hover.runtime.queue.JobDispatcher;
import dev.hover.runtime.queue.RetryOverrides;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A job being dispatched; every setting is optional. */
public final class PendingJob {
    /** SQS's limit on a message's delay. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(900);
    /** SQS's limit on a message's visibility timeout, so on a backoff. */
    public static final int MAX_BACKOFF_SECONDS = 43_200;

    private final Class<?> job;
    private final Object data;
    private Optional<String> queue = Optional.empty();
    private Duration delay = Duration.ZERO;
    private OptionalInt tries = OptionalInt.empty();
    private Optional<List<Integer>> backoff = Optional.empty();
    private OptionalInt timeoutSeconds = OptionalInt.empty();

    PendingJob(Class<?> job, Object data) {
        this.job = job;
        this.data = data;
    }

    /** The queue's name as in the manifest ({@code queue.<fn>.queues}), without the stage suffix. */
    public PendingJob onQueue(String queue) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        this.queue = Optional.of(queue);
        return this;
    }

    /** How long the message stays invisible before its first attempt; at most 15 minutes (SQS). */
    public PendingJob delay(Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay must be between 0 and 900 seconds (SQS's limit), was " + delay.toSeconds() + " s");
        }
        this.delay = delay;
        return this;
    }

    /** How many attempts in all, instead of the queue function's {@code tries}. */
    public PendingJob tries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        this.tries = OptionalInt.of(tries);
        return this;
    }

    /** Seconds before each retry (the last repeats), instead of the queue function's {@code backoff}. */
    public PendingJob backoff(int... seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("backoff needs at least one delay");
        }
        for (int s : seconds) {
            if (s < 0 || s > MAX_BACKOFF_SECONDS) {
                throw new IllegalArgumentException("each backoff must be between 0 and 43200 seconds (SQS's visibility limit), was " + s);
            }
        }
        this.backoff = Optional.of(Arrays.stream(seconds).boxed().toList());
        return this;
    }

    /** How long one attempt may run before it is interrupted and counted as failed; whole seconds. */
    public PendingJob timeout(Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("timeout must be at least 1 second, was " + timeout);
        }
        this.timeoutSeconds = OptionalInt.of((int) Math.min(timeout.toSeconds(), Integer.MAX_VALUE));
        return this;
    }

    /** Sends the message; returns the job's id. */
    public String dispatch() {
        return JobDispatcher.shared().dispatch(new DispatchRequest(
                job, data, queue, delay, new RetryOverrides(tries, backoff, timeoutSeconds)));
    }
}
