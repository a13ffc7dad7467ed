package dev.hover.plugin.queue;

import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import dev.hover.model.jobs.FailedJob;
import dev.hover.plugin.stage.StageSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code hover:queue-failed}, {@code hover:queue-retry} and {@code hover:queue-forget} without Maven
 * (docs/jobs-and-commands.md): the stage's failed-jobs record listed, dispatched again onto the
 * jobs' original queues, or emptied of an entry.
 */
public final class FailedJobsService {
    /** {@code -Dhover.job=all}: every entry. */
    public static final String ALL = "all";

    private final Consumer<String> log;

    /** @param log gets the goal's lines: the listing or what was done */
    public FailedJobsService(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Prints one line per entry: id, job class, queue, when it failed, why, the exception's first line.
     *
     * @throws QueueGoalException when the stage has no failed-jobs record
     */
    public List<FailedJob> list(StageSession session) {
        return withRecord(session, (record, jobs) -> {
            log.accept(jobs.size() + (jobs.size() == 1 ? " failed job" : " failed jobs") + " in " + record.queueName()
                    + (jobs.isEmpty() ? "." : ":"));
            if (!jobs.isEmpty()) {
                FailedJobsTable.lines(jobs.stream().map(RecordedJob::entry).toList()).forEach(log);
            }
            record.release(jobs);
            return jobs.stream().map(RecordedJob::entry).toList();
        });
    }

    /**
     * Sends each chosen entry's job back onto the queue it came from, as dispatched, then deletes the entry.
     *
     * @param job an entry's id, or {@link #ALL}
     * @throws QueueGoalException when no entry has that id, or an entry's queue is unknown or gone
     */
    public List<FailedJob> retry(StageSession session, String job) {
        String stage = session.manifest().stage();
        return withRecord(session, (record, jobs) -> {
            List<RecordedJob> chosen = choose(record, jobs, job, true);
            for (RecordedJob target : chosen) {
                if (target.entry().queue().equals("?")) {
                    record.release(jobs);
                    throw new QueueGoalException("job " + target.entry().id() + " was moved to " + record.queueName()
                            + " by a redrive policy and SQS did not say from which queue; send its body yourself, then"
                            + " mvn hover:queue-forget -Dhover.stage=" + stage + " -Dhover.job=" + target.entry().id());
                }
            }
            List<FailedJob> retried = new ArrayList<>();
            try {
                for (RecordedJob target : chosen) {
                    record.dispatchAgain(target.entry());
                    record.delete(target);
                    retried.add(target.entry());
                    log.accept("Retried " + describe(target.entry()) + " on " + target.entry().queue());
                }
            } finally {
                List<RecordedJob> left = new ArrayList<>(jobs);
                left.removeIf(j -> retried.contains(j.entry()));
                record.release(left);
            }
            log.accept(retried.size() + (retried.size() == 1 ? " job" : " jobs") + " dispatched again; "
                    + (jobs.size() - retried.size()) + " left in " + record.queueName() + ".");
            return retried;
        });
    }

    /**
     * Deletes the entry with the id {@code job} from the record.
     *
     * @throws QueueGoalException when no entry has that id
     */
    public List<FailedJob> forget(StageSession session, String job) {
        return withRecord(session, (record, jobs) -> {
            List<RecordedJob> chosen = choose(record, jobs, job, false);
            for (RecordedJob target : chosen) {
                record.delete(target);
                log.accept("Forgot " + describe(target.entry()));
            }
            List<RecordedJob> left = new ArrayList<>(jobs);
            left.removeAll(chosen);
            record.release(left);
            return chosen.stream().map(RecordedJob::entry).toList();
        });
    }

    private interface RecordWork<T> {
        T apply(FailedJobsRecord record, List<RecordedJob> jobs);
    }

    private <T> T withRecord(StageSession session, RecordWork<T> work) {
        StageManifest manifest = session.manifest();
        FailedJobsRecord record = FailedJobsRecord.open(session.clients().sqs(), Names.of(manifest).failedJobsQueue(),
                manifest.stage());
        return work.apply(record, record.readAll(sourceQueue(manifest)));
    }

    /** A moved message's queue: the one SQS names, else the stage's only queue. */
    private static Function<Optional<String>, Optional<String>> sourceQueue(StageManifest manifest) {
        Names names = Names.of(manifest);
        List<String> queues = manifest.queues().values().stream().map(QueueFunction::queues)
                .flatMap(List::stream).map(names::queue).toList();
        return arn -> arn.map(a -> a.substring(a.lastIndexOf(':') + 1))
                .or(() -> queues.size() == 1 ? Optional.of(queues.get(0)) : Optional.empty());
    }

    private static List<RecordedJob> choose(FailedJobsRecord record, List<RecordedJob> jobs, String job, boolean allowAll) {
        if (job == null || job.isBlank()) {
            throw new QueueGoalException("hover.job: name the failed job's id (mvn hover:queue-failed lists them)"
                    + (allowAll ? ", or all" : ""));
        }
        if (allowAll && job.equals(ALL)) {
            return jobs;
        }
        List<RecordedJob> chosen = jobs.stream().filter(j -> j.entry().id().equals(job)).toList();
        if (chosen.isEmpty()) {
            record.release(jobs);
            throw new QueueGoalException("hover.job: there is no failed job '" + job + "' in " + record.queueName()
                    + " (" + jobs.size() + (jobs.size() == 1 ? " entry" : " entries") + "; mvn hover:queue-failed lists them)");
        }
        return chosen;
    }

    private static String describe(FailedJob entry) {
        return entry.id() + entry.job().map(j -> " (" + j + ")").orElse("");
    }
}
