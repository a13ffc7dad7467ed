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
 */
public record JobMessage(String id, String job, String data, RetryOverrides overrides, Optional<Instant> dispatchedAt) {
    /** The format's version; a runtime reads every version up to its own. */
    public static final int VERSION = 1;
}
