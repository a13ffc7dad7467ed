package dev.hover.model.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a stage's failed-jobs record: a job (or a message that is not one) that will not run
 * again by itself, with what is needed to see why and to dispatch it again.
 *
 * @param id         the job's id; the SQS message id when the message is not a job
 * @param job        the job class's binary name, when the message names one
 * @param queue      the SQS name of the queue it came from, where a retry sends it
 * @param attempts   the attempts that ran
 * @param failedAt   when it was recorded
 * @param reason     why it is here
 * @param exception  the last failure's exception (class and message), or why the message is not a job
 * @param stackTrace the last failure's stack trace; empty when there is none
 * @param body       the message to send again: the job as dispatched (attempts reset), or the body as received
 */
public record FailedJob(String id, Optional<String> job, String queue, int attempts, Instant failedAt, Reason reason,
                        String exception, String stackTrace, String body) {

    public enum Reason {
        /** its tries are used up */
        FAILED,
        /** the message is not a job the runtime can run */
        INVALID,
        /** its container died while it ran, again and again */
        POISON;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The exception's first line, for a listing. */
    public String exceptionLine() {
        int end = exception.indexOf('\n');
        return end < 0 ? exception : exception.substring(0, end);
    }
}
