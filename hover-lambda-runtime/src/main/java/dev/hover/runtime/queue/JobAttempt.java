package dev.hover.runtime.queue;

import dev.hover.runtime.api.JobContext;
import dev.hover.runtime.api.PendingJob;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** One run of a job: what it is told, and whether it asked to be released. */
final class JobAttempt implements JobContext {
    private final String jobId;
    private final int attempt;
    private final int tries;
    private final Instant deadline;
    private volatile OptionalInt releaseSeconds = OptionalInt.empty();

    JobAttempt(String jobId, int attempt, int tries, Instant deadline) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.tries = tries;
        this.deadline = deadline;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public int tries() {
        return tries;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public void release(Duration delay) {
        if (delay.isNegative() || delay.toSeconds() > PendingJob.MAX_BACKOFF_SECONDS) {
            throw new IllegalArgumentException("a release delay must be between 0 and 43200 seconds (SQS's visibility limit), was "
                    + delay.toSeconds() + " s");
        }
        releaseSeconds = OptionalInt.of((int) delay.toSeconds());
    }

    OptionalInt releaseSeconds() {
        return releaseSeconds;
    }
}
