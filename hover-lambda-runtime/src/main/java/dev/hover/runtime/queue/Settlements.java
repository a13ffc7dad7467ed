package dev.hover.runtime.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch's settled records and what SQS is told of them, and when. Cheap by default: jobs that
 * succeeded are left for Lambda to delete after the batch, and jobs going back are sent in one
 * SendMessageBatch at its end. Before a record that may take the container down (a suspect), and
 * whenever {@link #SECURE_INTERVAL} has passed, what is settled so far is made safe from a crash:
 * the jobs going back are sent and their originals deleted, and the succeeded ones deleted. A job
 * that failed for good is recorded and deleted at once, so its failure hook never runs twice.
 */
final class Settlements {
    /** How much of a batch's work a crash may make run again, at most (besides the record that crashed). */
    static final Duration SECURE_INTERVAL = Duration.ofSeconds(5);

    private final QueueCalls sqs;
    private final String failedJobsQueue;
    private final List<SqsRecord> done = new ArrayList<>();
    private final List<Resend> again = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private Instant securedAt = Instant.now();

    Settlements(QueueCalls sqs, String failedJobsQueue) {
        this.sqs = sqs;
        this.failedJobsQueue = failedJobsQueue;
    }

    void done(SqsRecord record) {
        done.add(record);
    }

    void again(Resend resend) {
        again.add(resend);
    }

    /** Sent back before anything of the batch runs: deferred suspects, which the batch must not take down again. */
    void againNow(List<Resend> resends) {
        report(sqs.resend(resends, true));
    }

    void failed(SqsRecord record, String entry) {
        if (!sqs.record(record, failedJobsQueue, entry)) {
            reported.add(record.messageId());
        }
    }

    /** Before the next record: secures what is settled when that record is a suspect, or time has passed. */
    void beforeNext(boolean suspect) {
        if (suspect || Duration.between(securedAt, Instant.now()).compareTo(SECURE_INTERVAL) >= 0) {
            report(sqs.resend(again, true));
            sqs.delete(done);
            again.clear();
            done.clear();
            securedAt = Instant.now();
        }
    }

    /** @return the records for {@code batchItemFailures}: those whose SQS calls failed */
    List<String> finish() {
        report(sqs.resend(again, false));
        again.clear();
        return List.copyOf(reported);
    }

    private void report(List<SqsRecord> unsettled) {
        for (SqsRecord record : unsettled) {
            reported.add(record.messageId());
        }
    }
}
