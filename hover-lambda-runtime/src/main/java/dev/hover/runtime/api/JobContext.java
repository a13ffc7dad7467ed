package dev.hover.runtime.api;

import java.time.Duration;
import java.time.Instant;

/** What a running {@link Job} is told about its attempt. */
public interface JobContext {

    /** The id given at dispatch; the same for every attempt. */
    String jobId();

    /** This attempt, from 1: SQS's receive count for the message. */
    int attempt();

    /** How many attempts the job gets in all. */
    int tries();

    /** When this attempt times out and is interrupted. */
    Instant deadline();

    /**
     * Puts the job back on its queue, to run again after {@code delay} (at most 12 hours), once
     * {@code handle} returns. The release uses up this attempt: a job released on its last try fails
     * when it comes back.
     */
    void release(Duration delay);
}
