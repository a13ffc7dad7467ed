package dev.hover.runtime.queue;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.worker.TimeBox;

import java.io.PrintStream;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a batch of SQS records as jobs, one after the other, and says which records go back to the
 * queue. SQS's receive count is the attempt number. A record is:
 * <ul>
 * <li>done (deleted by Lambda) when its job returned, or when it failed for good — then the job's
 *     failure hook ran and a {@code job.failed} log record holds the body;</li>
 * <li>released (reported in {@code batchItemFailures}, its visibility set to the delay) when the job
 *     threw or timed out with tries left (delay = the backoff), asked to be released (its delay), or
 *     could not start before the invocation's time ran out (no delay);</li>
 * <li>not a job this runtime can run (not JSON, another format, an unknown class, data that does not
 *     decode): logged as {@code job.invalid} and released with the backoff like a failed attempt; at
 *     the queue function's last try it is logged as {@code job.discarded}, with its body, and let go.</li>
 * </ul>
 */
public final class JobWorker {
    /** The batch stops starting jobs this long before the deadline, so the answer gets out in time. */
    static final Duration FINISH_MARGIN = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofMillis(500);

    private final RetryPolicy defaults;
    private final JobEnvironment environment;
    private final QueueUrls queues;
    private final TimeBox timeBox;
    private final JobLog log;

    /** @param defaults the queue function's {@code tries} and {@code backoff} */
    public JobWorker(RetryPolicy defaults, JobEnvironment environment, QueueUrls queues, TimeBox timeBox, PrintStream log) {
        this.defaults = defaults;
        this.environment = environment;
        this.queues = queues;
        this.timeBox = timeBox;
        this.log = new JobLog(log);
    }

    /** @return the message ids that go back to the queue */
    public List<String> process(List<SqsRecord> records, Instant deadline) throws InterruptedException {
        Instant stopAt = deadline.minus(FINISH_MARGIN);
        List<Release> releases = new ArrayList<>();
        for (SqsRecord record : records) {
            Release release = processOne(record, stopAt);
            if (release != null) {
                releases.add(release);
            }
        }
        if (!releases.isEmpty()) {
            VisibilityChanges.apply(releases, queues, log);
        }
        return releases.stream().map(r -> r.record().messageId()).toList();
    }

    /** @return how the record goes back to the queue, or null when it is done */
    private Release processOne(SqsRecord record, Instant stopAt) throws InterruptedException {
        if (!Instant.now().isBefore(stopAt)) {
            log.warn("job.not-started").record(record).with("reason", "the invocation's time ran out").write();
            return new Release(record, 0);
        }
        RetryPolicy policy = defaults;
        JobMessage message;
        Class<?> jobClass;
        Object data;
        try {
            message = JobMessageCodec.decode(record.body());
            policy = defaults.with(message.overrides());
            jobClass = environment.jobClass(message.job());
            data = decodeData(message, jobClass);
        } catch (InvalidJobMessageException e) {
            return invalid(record, policy, e);
        }
        Instant deadline = policy.timeoutSeconds().isPresent()
                ? min(Instant.now().plusSeconds(policy.timeoutSeconds().getAsInt()), stopAt) : stopAt;
        Run run = new Run(record, message, policy, data,
                new JobAttempt(message.id(), record.receiveCount(), policy.tries(), deadline), stopAt);
        Job<?> job;
        try {
            job = environment.create(jobClass);
        } catch (Exception e) {
            return run.failedAttempt(null, e);
        }
        if (record.receiveCount() > policy.tries()) {
            run.failForGood(job, new TriesExhaustedException("job " + message.job() + " was received for attempt "
                    + record.receiveCount() + " of " + policy.tries() + " tries"));
            return null;
        }
        TimeBox.Outcome<Object> outcome = timeBox.run(() -> {
            handle(job, data, run.attempt);
            return null;
        }, deadline, GRACE);
        if (outcome instanceof TimeBox.Failed<Object> failed) {
            return run.failedAttempt(job, failed.cause());
        }
        if (outcome instanceof TimeBox.TimedOut<Object> timedOut) {
            String limit = deadline.equals(stopAt) ? "before the invocation's time ran out"
                    : "within its timeout of " + policy.timeoutSeconds().getAsInt() + " s";
            return run.failedAttempt(job, new JobTimeoutException("job " + message.job() + " did not finish " + limit
                    + (timedOut.stopped() ? "" : "; it ignored the interrupt and may still be running")));
        }
        if (run.attempt.releaseSeconds().isPresent()) {
            return new Release(record, run.attempt.releaseSeconds().getAsInt());
        }
        return null;
    }

    private Object decodeData(JobMessage message, Class<?> jobClass) throws InvalidJobMessageException {
        try {
            Type type = JobTypes.dataType(jobClass);
            return environment.codec().fromJson(message.data(), type);
        } catch (Exception e) {
            throw new InvalidJobMessageException("the data of job " + message.job() + " does not decode: " + e.getMessage(), e);
        }
    }

    private Release invalid(SqsRecord record, RetryPolicy policy, InvalidJobMessageException e) {
        if (policy.hasTriesAfter(record.receiveCount())) {
            int delay = policy.backoffAfter(record.receiveCount());
            log.error("job.invalid").record(record).with("reason", e.getMessage()).with("delaySeconds", delay).write();
            return new Release(record, delay);
        }
        log.error("job.discarded").record(record).with("reason", e.getMessage()).with("body", record.body()).write();
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void handle(Job<?> job, Object data, JobAttempt attempt) throws Exception {
        ((Job<Object>) job).handle(data, attempt);
    }

    @SuppressWarnings("unchecked")
    private static void failed(Job<?> job, Object data, Throwable cause, JobAttempt attempt) {
        ((Job<Object>) job).failed(data, cause, attempt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A job's record being worked on. */
    private final class Run {
        final SqsRecord record;
        final JobMessage message;
        final RetryPolicy policy;
        final Object data;
        final JobAttempt attempt;
        final Instant stopAt;

        Run(SqsRecord record, JobMessage message, RetryPolicy policy, Object data, JobAttempt attempt, Instant stopAt) {
            this.record = record;
            this.message = message;
            this.policy = policy;
            this.data = data;
            this.attempt = attempt;
            this.stopAt = stopAt;
        }

        Release failedAttempt(Job<?> job, Throwable cause) throws InterruptedException {
            if (policy.hasTriesAfter(attempt.attempt())) {
                int delay = policy.backoffAfter(attempt.attempt());
                entry(log.warn("job.retrying")).with("delaySeconds", delay).exception(cause).write();
                return new Release(record, delay);
            }
            failForGood(job, cause);
            return null;
        }

        void failForGood(Job<?> job, Throwable cause) throws InterruptedException {
            if (job != null) {
                // the attempt's own deadline may be what just passed: the hook gets the invocation's time
                TimeBox.Outcome<Object> hook = timeBox.run(() -> {
                    failed(job, data, cause, attempt);
                    return null;
                }, stopAt, GRACE);
                if (hook instanceof TimeBox.Failed<Object> hookFailed) {
                    entry(log.error("job.failure-hook-failed")).exception(hookFailed.cause()).write();
                } else if (hook instanceof TimeBox.TimedOut<Object>) {
                    entry(log.error("job.failure-hook-failed")).with("exception", "the failure hook ran out of time").write();
                }
            }
            entry(log.error("job.failed")).with("attempts", attempt.attempt()).exception(cause)
                    .with("body", record.body()).write();
        }

        private JobLog.Entry entry(JobLog.Entry entry) {
            return entry.with("job", message.job()).with("jobId", message.id()).record(record).with("tries", policy.tries());
        }
    }
}
