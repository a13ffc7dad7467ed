package dev.hover.runtime.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A queue message's content: one dispatched job.
 *
 * @param id           the job's id, the same across attempts
 * @param job          the job class's binary name
 * @param data         the job's data as one JSON value
 * @param overrides    the job's own tries, backoff and timeout
 * @param dispatchedAt when it was dispatched, when known
 * @param delivery     its attempt and the runtime's other notes on its past; {@link Delivery#FIRST} as dispatched
 */
public record JobMessage(String id, String job, String data, RetryOverrides overrides, Optional<Instant> dispatchedAt,
                         Delivery delivery) {
    /** The format's version; a runtime reads every version up to its own. */
    public static final int VERSION = 1;

    /** A job as dispatched. */
    public JobMessage(String id, String job, String data, RetryOverrides overrides, Optional<Instant> dispatchedAt) {
        this(id, job, data, overrides, dispatchedAt, Delivery.FIRST);
    }

    JobMessage with(Delivery next) {
        return new JobMessage(id, job, data, overrides, dispatchedAt, next);
    }
}
