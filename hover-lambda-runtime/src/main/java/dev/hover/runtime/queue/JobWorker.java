package dev.hover.runtime.queue;

import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.api.Job;
import dev.hover.runtime.worker.TimeBox;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a batch of SQS records as jobs, one after the other (docs/jobs-and-commands.md). The attempt
 * number travels in the message: a job that is to run again goes back as a new message carrying its
 * next attempt, and its original is deleted, so SQS's receive count (which also rises for records that
 * never started, or had succeeded, in a batch that died) decides nothing. A record is:
 * <ul>
 * <li>done: deleted (by Lambda after the batch, or earlier, see {@link Settlements});</li>
 * <li>again (a failed attempt with tries left, a release, a record the batch had no time to start, a
 *     backoff not over yet): sent back as a new message with its attempt, its original deleted;</li>
 * <li>failed for good (tries used up, a body that is not a job, a job that keeps killing its
 *     container): its failure hook runs, then an entry goes to the stage's failed-jobs record, then the
 *     record is deleted.</li>
 * </ul>
 * Only records whose SQS calls failed are reported in {@code batchItemFailures}.
 */
public final class JobWorker {
    static final Duration GRACE = Duration.ofMillis(500);
    /** A job whose containers died this often while they held it is not run again. */
    static final int POISON_CRASHES = 3;
    /** SQS's longest message delay; a longer backoff is carried in the message ({@link Delivery#notBefore()}). */
    static final int MAX_DELAY_SECONDS = 900;
    /** Deferred suspects come back this many seconds apart, so that each is alone in its batch. */
    static final int DEFER_STEP_SECONDS = 1;
    /** An entry of the failed-jobs record keeps this much of a stack trace (SQS messages are limited). */
    static final int MAX_STACK_TRACE = 16 * 1024;

    private final RetryPolicy defaults;
    private final JobEnvironment environment;
    private final QueueCalls sqs;
    private final String failedJobsQueue;
    private final TimeBox timeBox;
    private final Retirement retirement;
    private final JobLog log;

    /**
     * @param defaults        the queue function's {@code tries} and {@code backoff}
     * @param failedJobsQueue the SQS name of the stage's failed-jobs record
     */
    public JobWorker(RetryPolicy defaults, JobEnvironment environment, QueueUrls queues, String failedJobsQueue,
                     TimeBox timeBox, Retirement retirement, PrintStream log) {
        this.defaults = defaults;
        this.environment = environment;
        this.failedJobsQueue = failedJobsQueue;
        this.timeBox = timeBox;
        this.retirement = retirement;
        this.log = new JobLog(log);
        this.sqs = new QueueCalls(queues, this.log);
    }

    /** @return the message ids that go back to the queue through {@code batchItemFailures} */
    public List<String> process(List<SqsRecord> records, Instant deadline) throws InterruptedException {
        TimeBudget budget = TimeBudget.of(Instant.now(), deadline);
        List<Received> batch = records.stream().map(Received::of).toList();
        BatchOrder order = BatchOrder.of(batch);
        Settlements settlements = new Settlements(sqs, failedJobsQueue);
        List<Resend> deferred = new ArrayList<>();
        for (Received suspect : order.deferred()) {
            int delay = DEFER_STEP_SECONDS * (deferred.size() + 1);
            entry(log.warn("job.deferred"), suspect).with("crashes", suspect.crashes()).with("delaySeconds", delay).write();
            deferred.add(resend(suspect, suspect.delivery(), delay));
        }
        if (!deferred.isEmpty()) {
            settlements.againNow(deferred);
        }

        boolean first = true;
        for (Received received : order.toRun()) {
            Optional<Settlement> withoutRunning = settledWithoutRunning(received);
            if (withoutRunning.isPresent()) {
                settle(received, withoutRunning.get(), settlements);
                continue;
            }
            RetryPolicy policy = defaults.with(received.message().overrides());
            if (retirement.requested() || !budget.fits(Instant.now(), policy.timeoutSeconds(), first)) {
                entry(log.warn("job.not-started"), received).with("reason", retirement.requested()
                        ? "the container retires: " + retirement.reason() : "the invocation's time is too short for it").write();
                settlements.again(resend(received, received.delivery(), 0));
                continue;
            }
            settlements.beforeNext(received.suspect());
            settle(received, run(received, policy, budget, first), settlements);
            first = false;
        }
        return settlements.finish();
    }

    /** What became of a record. */
    private sealed interface Settlement {
    }

    private record Done() implements Settlement {
    }

    private record Again(Delivery delivery, int delaySeconds) implements Settlement {
    }

    private record Failed(FailedJob entry) implements Settlement {
    }

    /** A body that is not a job message, and a job whose backoff is not over: nothing of them runs. */
    private Optional<Settlement> settledWithoutRunning(Received received) {
        if (received.message() == null) {
            log.error("job.invalid").record(received.record()).with("reason", received.invalid().getMessage()).write();
            return Optional.of(new Failed(entry(received, FailedJob.Reason.INVALID, 0, received.invalid(), false)));
        }
        Optional<Instant> notBefore = received.message().delivery().notBefore();
        Instant now = Instant.now();
        if (notBefore.isPresent() && notBefore.get().isAfter(now)) {
            long wait = Duration.between(now, notBefore.get()).toSeconds() + 1;
            return Optional.of(new Again(received.delivery(), (int) Math.min(wait, Integer.MAX_VALUE)));
        }
        return Optional.empty();
    }

    private Settlement run(Received received, RetryPolicy policy, TimeBudget budget, boolean first) throws InterruptedException {
        JobMessage message = received.message();
        Delivery delivery = received.delivery();
        Class<?> jobClass;
        Object data;
        try {
            jobClass = environment.jobClass(message.job());
            data = decodeData(message, jobClass);
        } catch (InvalidJobMessageException e) {
            // maybe a passing state: a job class that a deploy adds, which this container does not have yet
            return failedAttempt(received, policy, null, null, e, budget);
        }
        if (received.crashes() >= POISON_CRASHES) {
            return poison(received, policy, jobClass, data, budget);
        }
        Job<?> job;
        try {
            job = environment.create(jobClass);
        } catch (Exception e) {
            return failedAttempt(received, policy, null, data, e, budget);
        }
        if (delivery.attempt() > policy.tries()) {
            // released on its last try, or its last try's hook had to wait for a fresh container
            return failForGood(received, policy, job, data, new TriesExhaustedException("job " + message.job()
                    + " used its " + policy.tries() + " tries" + delivery.lastError().map(e -> "; the last one: " + e).orElse("")),
                    budget, delivery.attempt() - 1);
        }
        Instant deadline = budget.attemptDeadline(Instant.now(), policy.timeoutSeconds());
        JobAttempt attempt = new JobAttempt(message.id(), delivery.attempt(), policy.tries(), deadline);
        TimeBox.Outcome<Object> outcome = timeBox.run(() -> {
            handle(job, data, attempt);
            return null;
        }, deadline, GRACE);
        if (outcome instanceof TimeBox.Failed<Object> failed) {
            return failedAttempt(received, policy, job, data, failed.cause(), budget);
        }
        if (outcome instanceof TimeBox.TimedOut<Object> timedOut) {
            return timedOut(received, policy, job, data, budget, first, deadline, timedOut.stopped());
        }
        if (attempt.releaseSeconds().isPresent()) {
            return new Again(delivery.next(), attempt.releaseSeconds().getAsInt());
        }
        return new Done();
    }

    private Settlement timedOut(Received received, RetryPolicy policy, Job<?> job, Object data, TimeBudget budget,
                                boolean first, Instant deadline, boolean stopped) throws InterruptedException {
        String jobName = received.message().job();
        if (!stopped) {
            retirement.request("job " + jobName + " (" + received.message().id() + ") ignored its interrupt and may still be running");
        }
        boolean cutByTheBatch = deadline.equals(budget.attemptsEnd());
        if (cutByTheBatch && !first) {
            // the jobs before it used the invocation's time: this attempt does not count
            entry(log.warn("job.not-finished"), received).with("reason", "the invocation's time ran out").write();
            return new Again(received.delivery(), 0);
        }
        JobTimeoutException timeout = new JobTimeoutException("job " + jobName + " did not finish "
                + (cutByTheBatch ? "before the invocation's time ran out" : "within its timeout of " + policy.timeoutSeconds().getAsInt() + " s")
                + (stopped ? "" : "; it ignored the interrupt and may still be running"));
        if (stopped) {
            return failedAttempt(received, policy, job, data, timeout, budget);
        }
        int attempt = received.delivery().attempt();
        if (policy.hasTriesAfter(attempt)) {
            return retry(received, policy, timeout);
        }
        // its failure hook must not run beside it: a fresh container runs the hook
        entry(log.error("job.failure-hook-deferred"), received).exception(timeout).write();
        return new Again(received.delivery().exhausted(policy.tries(), timeout.toString()), 0);
    }

    private Settlement failedAttempt(Received received, RetryPolicy policy, Job<?> job, Object data, Throwable cause,
                                     TimeBudget budget) throws InterruptedException {
        if (policy.hasTriesAfter(received.delivery().attempt())) {
            return retry(received, policy, cause);
        }
        return failForGood(received, policy, job, data, cause, budget, received.delivery().attempt());
    }

    private Settlement retry(Received received, RetryPolicy policy, Throwable cause) {
        int attempt = received.delivery().attempt();
        int delay = policy.backoffAfter(attempt);
        entry(log.warn("job.retrying"), received).with("tries", policy.tries()).with("delaySeconds", delay)
                .exception(cause).write();
        return new Again(received.delivery().next(), delay);
    }

    /** Runs the failure hook (when there is a job to run it on), then the entry goes to the failed-jobs record. */
    private Settlement failForGood(Received received, RetryPolicy policy, Job<?> job, Object data, Throwable cause,
                                   TimeBudget budget, int attempts) throws InterruptedException {
        if (job != null) {
            runFailureHook(received, job, data, cause, budget, attempts, policy.tries());
        }
        entry(log.error("job.failed"), received).with("tries", policy.tries()).with("attempts", attempts).exception(cause).write();
        boolean isJob = !(cause instanceof InvalidJobMessageException);
        return new Failed(entry(received, isJob ? FailedJob.Reason.FAILED : FailedJob.Reason.INVALID, attempts, cause, true));
    }

    private Settlement poison(Received received, RetryPolicy policy, Class<?> jobClass, Object data, TimeBudget budget)
            throws InterruptedException {
        int attempts = received.delivery().attempt();
        PoisonJobException cause = new PoisonJobException("job " + received.message().job() + ": its container died "
                + received.crashes() + " times while it held the job; it is not run again");
        // one more crash than that: the failure hook itself took the container down, so it is not tried again
        if (received.crashes() == POISON_CRASHES) {
            try {
                runFailureHook(received, environment.create(jobClass), data, cause, budget, attempts, policy.tries());
            } catch (Exception e) {
                entry(log.error("job.failure-hook-failed"), received).exception(e).write();
            }
        }
        entry(log.error("job.poison"), received).with("crashes", received.crashes()).exception(cause).write();
        return new Failed(entry(received, FailedJob.Reason.POISON, attempts, cause, true));
    }

    private void runFailureHook(Received received, Job<?> job, Object data, Throwable cause, TimeBudget budget,
                                int attempts, int tries) throws InterruptedException {
        Instant hookDeadline = later(budget.stopAt(), Instant.now().plus(TimeBudget.HOOK_TIME.dividedBy(2)));
        JobAttempt attempt = new JobAttempt(received.message().id(), Math.max(attempts, 1), tries, hookDeadline);
        TimeBox.Outcome<Object> hook = timeBox.run(() -> {
            failed(job, data, cause, attempt);
            return null;
        }, hookDeadline, GRACE);
        if (hook instanceof TimeBox.Failed<Object> hookFailed) {
            entry(log.error("job.failure-hook-failed"), received).exception(hookFailed.cause()).write();
        } else if (hook instanceof TimeBox.TimedOut<Object> timedOut) {
            entry(log.error("job.failure-hook-failed"), received).with("exception", "the failure hook ran out of time").write();
            if (!timedOut.stopped()) {
                retirement.request("the failure hook of job " + received.message().job() + " ignored its interrupt");
            }
        }
    }

    private void settle(Received received, Settlement settlement, Settlements settlements) {
        if (settlement instanceof Done) {
            settlements.done(received.record());
        } else if (settlement instanceof Again again) {
            settlements.again(resend(received, again.delivery(), again.delaySeconds()));
        } else if (settlement instanceof Failed failed) {
            settlements.failed(received.record(), FailedJobCodec.encode(failed.entry()));
        }
    }

    /** The job as a new message: longer delays than SQS's are carried in the message. */
    private static Resend resend(Received received, Delivery delivery, int delaySeconds) {
        Delivery carried = delaySeconds > MAX_DELAY_SECONDS ? delivery.notBefore(Instant.now().plusSeconds(delaySeconds)) : delivery;
        return new Resend(received.record(), JobMessageCodec.encode(received.message().with(carried)),
                Math.min(delaySeconds, MAX_DELAY_SECONDS));
    }

    private FailedJob entry(Received received, FailedJob.Reason reason, int attempts, Throwable cause, boolean withTrace) {
        JobMessage message = received.message();
        String trace = "";
        if (withTrace) {
            StringWriter text = new StringWriter();
            cause.printStackTrace(new PrintWriter(text));
            trace = text.toString();
            if (trace.length() > MAX_STACK_TRACE) {
                trace = trace.substring(0, MAX_STACK_TRACE) + "\n\t… (" + (trace.length() - MAX_STACK_TRACE) + " more characters)";
            }
        }
        String exception = cause instanceof InvalidJobMessageException ? cause.getMessage() : cause.toString();
        return new FailedJob(message == null ? received.record().messageId() : message.id(),
                Optional.ofNullable(message).map(JobMessage::job), received.record().queueName(), attempts, Instant.now(),
                reason, exception, trace,
                // replayed as dispatched: a retry from the record starts again at attempt 1
                message == null ? received.record().body() : JobMessageCodec.encode(message.with(Delivery.FIRST)));
    }

    private JobLog.Entry entry(JobLog.Entry entry, Received received) {
        entry.record(received.record());
        if (received.message() != null) {
            entry.with("job", received.message().job()).with("jobId", received.message().id())
                    .with("attempt", received.message().delivery().attempt());
        }
        return entry;
    }

    private Object decodeData(JobMessage message, Class<?> jobClass) throws InvalidJobMessageException {
        try {
            Type type = JobTypes.dataType(jobClass);
            return environment.codec().fromJson(message.data(), type);
        } catch (Exception e) {
            throw new InvalidJobMessageException("the data of job " + message.job() + " does not decode: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void handle(Job<?> job, Object data, JobAttempt attempt) throws Exception {
        ((Job<Object>) job).handle(data, attempt);
    }

    @SuppressWarnings("unchecked")
    private static void failed(Job<?> job, Object data, Throwable cause, JobAttempt attempt) {
        ((Job<Object>) job).failed(data, cause, attempt);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
