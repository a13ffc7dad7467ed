package dev.hover.plugin.stage;

import dev.hover.model.HoverException;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.EcrRepositories;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.plugin.aws.StackEvent;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.deploy.StageAws;
import dev.hover.plugin.lease.LeaseException;
import dev.hover.plugin.lease.StageLease;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Removes a stage from AWS ({@code hover:stage-delete}, docs/stage-delete.md): its stack, its failed-jobs
 * record, its ECR repository with the images, its secrets key (scheduled for deletion) and its assets
 * bucket with every object version. Each part already gone counts as done, so a deletion that stopped
 * half-way is finished by running it again. The stage's lease is held throughout, so no deploy or
 * rollback runs meanwhile; it lives in the assets bucket, which therefore goes last.
 */
public final class StageDeletion {
    /** What happened to one part of the stage. */
    public enum Result {
        REMOVED("removed"),
        ALREADY_GONE("already gone"),
        KEPT("kept"),
        FAILED("could not remove");

        private final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /**
     * @param part   e.g. {@code stack shop-dev}
     * @param detail what was done, or why not
     */
    public record Outcome(String part, Result result, String detail) {
        String line() {
            return result.label + ": " + part + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    private final Consumer<String> log;
    private final Clock clock;
    private final DateTimeFormatter eventTime;

    public StageDeletion(Consumer<String> log) {
        this(log, Clock.systemUTC());
    }

    /** @param clock judges another holder's lease, and stamps the stack's events */
    public StageDeletion(Consumer<String> log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.eventTime = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(clock.getZone());
    }

    /**
     * Checks the confirmation, then deletes what the stage has in AWS and reports each part.
     *
     * @param confirm    {@code -Dhover.confirm}: the stage's name, typed ahead
     * @param prompter   a person at a terminal, asked to type the stage's name when {@code confirm} is not given
     * @param breakLease {@code -Dhover.breakLease}: take the stage's lease even from a holder whose lease has not lapsed
     * @return every part's outcome
     * @throws StageException when the deletion is not confirmed (nothing is touched), when a deploy or
     *                        rollback is changing the stage, or when a part could not be removed (after the report)
     */
    public List<Outcome> delete(StageSession session, Optional<String> confirm, Optional<Prompter> prompter,
                                boolean breakLease) {
        StageManifest manifest = session.manifest();
        confirm(manifest, confirm, prompter);
        Names names = Names.of(manifest);
        Stacks stacks = new Stacks(session.clients().cloudFormation(), StageAws.STACK_POLL_INTERVAL);
        Optional<StackState> stack = stacks.describe(names.stack());
        stack.filter(state -> state.busy() && !"DELETE_IN_PROGRESS".equals(state.status())).ifPresent(busy -> {
            throw new StageException(busy.busyMessage(manifest.stage(), "delete again"));
        });
        AssetsBucket bucket = new AssetsBucket(session.clients().s3(), names.assetsBucket());
        List<Outcome> outcomes = new ArrayList<>();
        try (HeldLease lease = takeLease(session, bucket, breakLease)) {
            Outcome stackOutcome = deleteStack(stacks, names.stack(), stack.isPresent());
            outcomes.add(report(stackOutcome));
            if (stackOutcome.result() == Result.FAILED) {
                String why = "the stack still uses it; once the stack is deleted, run hover:stage-delete again";
                outcomes.add(report(new Outcome("failed-jobs record, ECR repository, secrets key and assets bucket",
                        Result.KEPT, why)));
            } else {
                outcomes.add(report(attempt("failed-jobs record " + names.failedJobsQueue(), lease,
                        () -> deleteQueue(session.clients().sqs(), names.failedJobsQueue()))));
                outcomes.add(report(attempt("ECR repository " + names.repository(), lease,
                        () -> deleteRepository(new EcrRepositories(session.clients().ecr()), manifest, names))));
                outcomes.add(report(attempt("secrets key " + names.secretsKeyAlias(), lease,
                        () -> scheduleKeyDeletion(new KmsKeys(session.clients().kms()), names.secretsKeyAlias()))));
                outcomes.add(report(attempt("assets bucket " + bucket.name(), lease, () -> deleteBucket(bucket, lease))));
            }
        }
        outcomes.add(report(new Outcome(StageFiles.DIRECTORY + "/", Result.KEPT, "local files are left alone: "
                + session.manifestLocation() + " and the stage's secrets files stay; delete them yourself if the stage is gone for good")));
        List<Outcome> failed = outcomes.stream().filter(o -> o.result() == Result.FAILED).toList();
        if (!failed.isEmpty()) {
            throw new StageException("Stage " + manifest.stage() + " is not fully deleted: " + String.join("; ",
                    failed.stream().map(Outcome::line).toList()) + ". Running hover:stage-delete again goes on "
                    + "from where this one stopped.");
        }
        log.accept("Stage " + manifest.stage() + " (" + manifest.name() + ") is deleted from " + manifest.region() + ".");
        return outcomes;
    }

    private void confirm(StageManifest manifest, Optional<String> confirm, Optional<Prompter> prompter) {
        String stage = manifest.stage();
        String answer;
        if (confirm.isPresent()) {
            answer = confirm.get();
        } else if (prompter.isPresent()) {
            prompter.get().tell("This deletes stage " + stage + " (" + manifest.name() + ") in " + manifest.region()
                    + ": its stack and functions, its assets bucket, its ECR repository with every image, its "
                    + "failed jobs; its secrets key is scheduled for deletion in " + KmsKeys.SHORTEST_DELETION_WINDOW_DAYS
                    + " days. It cannot be undone.");
            answer = prompter.get().ask("Type the stage's name (" + stage + ") to delete it:").orElse("");
        } else {
            throw new StageException("hover:stage-delete deletes stage " + stage + " for good and there is no terminal "
                    + "to confirm it at: add -Dhover.confirm=" + stage + ". Nothing was deleted.");
        }
        if (!answer.equals(stage)) {
            throw new StageException("hover.confirm: '" + answer + "' is not the stage's name " + stage
                    + ". Nothing was deleted.");
        }
    }

    /** The stage's lease, when it has an assets bucket to hold it in; else nothing can deploy meanwhile either. */
    private HeldLease takeLease(StageSession session, AssetsBucket bucket, boolean breakLease) {
        if (!bucket.exists()) {
            log.accept("The assets bucket " + bucket.name() + " does not exist: there is no lease to take");
            return new HeldLease(null);
        }
        StageManifest manifest = session.manifest();
        StageLease.Claim claim = StageLease.claim(new Identity(session.clients().sts()), manifest.stage(), "delete",
                Optional.empty(), "delete again");
        try {
            return new HeldLease(StageLease.take(bucket, claim, breakLease, clock, line -> log.accept("Warning: " + line)));
        } catch (LeaseException e) {
            throw new StageException(e.getMessage());
        }
    }

    private interface Part {
        Outcome remove();
    }

    /** Removes one part; what stops it is reported, and the other parts still go. */
    private static Outcome attempt(String part, HeldLease lease, Part removal) {
        try {
            lease.confirmHeld();
            return removal.remove();
        } catch (LeaseException e) {
            throw new StageException(e.getMessage());
        } catch (HoverException e) {
            return new Outcome(part, Result.FAILED, e.getMessage());
        } catch (SdkException e) {
            return new Outcome(part, Result.FAILED, AwsErrors.explain("remove the " + part, e).getMessage());
        }
    }

    private Outcome report(Outcome outcome) {
        log.accept(outcome.line());
        return outcome;
    }

    private Outcome deleteStack(Stacks stacks, String stack, boolean exists) {
        String part = "stack " + stack;
        Optional<String> id = exists ? stacks.stackId(stack) : Optional.empty();
        if (id.isEmpty()) {
            return new Outcome(part, Result.ALREADY_GONE, "");
        }
        try {
            String mark = stacks.latestEventId(id.get()).orElse(null);
            stacks.startDeletion(id.get());
            List<StackEvent> failures = new ArrayList<>();
            while (true) {
                Optional<StackState> state = stacks.describe(id.get());
                // the events up to this state: the last poll may have ended just before the final ones
                for (StackEvent event : stacks.eventsAfter(id.get(), mark)) {
                    log.accept("    " + event.line(eventTime));
                    if (event.failed()) {
                        failures.add(event);
                    }
                    mark = event.id();
                }
                String status = state.map(StackState::status).orElse("DELETE_COMPLETE");
                if ("DELETE_COMPLETE".equals(status)) {
                    return new Outcome(part, Result.REMOVED, "with its functions, queues and roles");
                }
                if (!status.endsWith("_IN_PROGRESS")) {
                    return new Outcome(part, Result.FAILED, "CloudFormation ended in " + status
                            + failures.stream().findFirst().map(f -> ", first " + f.logicalId() + ": " + f.reason()).orElse(""));
                }
                stacks.pause();
            }
        } catch (HoverException e) {
            return new Outcome(part, Result.FAILED, e.getMessage());
        }
    }

    /** The stack deletes the record with its queues; one left (retained, or made by hand) is deleted here. */
    private static Outcome deleteQueue(SqsClient sqs, String queue) {
        String part = "failed-jobs record " + queue;
        String url;
        try {
            url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return new Outcome(part, Result.ALREADY_GONE, "");
        }
        AwsErrors.explain("delete the queue " + queue, () -> sqs.deleteQueue(r -> r.queueUrl(url)));
        return new Outcome(part, Result.REMOVED, "with the failed jobs in it");
    }

    /** Only the stage's own repository: one the manifest names may serve others. */
    private static Outcome deleteRepository(EcrRepositories repositories, StageManifest manifest, Names names) {
        String part = "ECR repository " + names.repository();
        String named = manifest.java().repository().map(r -> "; java.repository " + r + " is not the stage's own and is left alone").orElse("");
        return repositories.deleteWithImages(names.repository())
                ? new Outcome(part, Result.REMOVED, "with every image in it" + named)
                : new Outcome(part, Result.ALREADY_GONE, named.isEmpty() ? "" : named.substring(2));
    }

    private static Outcome scheduleKeyDeletion(KmsKeys kms, String alias) {
        String part = "secrets key " + alias;
        Optional<KmsKeys.Key> key = kms.findByAlias(alias);
        if (key.isEmpty()) {
            return new Outcome(part, Result.ALREADY_GONE, "");
        }
        if ("PendingDeletion".equals(key.get().state())) {
            return new Outcome(part, Result.ALREADY_GONE, key.get().arn() + " is already scheduled for deletion");
        }
        Instant deletion = kms.scheduleDeletion(key.get().arn());
        return new Outcome(part, Result.REMOVED, key.get().arn() + " scheduled for deletion in "
                + KmsKeys.SHORTEST_DELETION_WINDOW_DAYS + " days, KMS's shortest window, on " + deletion
                + "; until then `aws kms cancel-key-deletion --key-id " + key.get().arn() + "` undoes it");
    }

    /** Everything but the lease first; the lease once released, and then the bucket. */
    private static Outcome deleteBucket(AssetsBucket bucket, HeldLease lease) {
        String part = "assets bucket " + bucket.name();
        if (!bucket.exists()) {
            return new Outcome(part, Result.ALREADY_GONE, "");
        }
        int versions = bucket.deleteAllVersions(key -> !StageLease.KEY.equals(key));
        lease.close();
        versions += bucket.deleteAllVersions(key -> true);
        return bucket.delete()
                ? new Outcome(part, Result.REMOVED, "with " + versions + " object version(s) and delete marker(s), the lease among them")
                : new Outcome(part, Result.ALREADY_GONE, "");
    }

    /** The lease, released once: by the bucket's deletion, or at the end when the bucket stays. */
    private static final class HeldLease implements AutoCloseable {
        private StageLease lease;

        HeldLease(StageLease lease) {
            this.lease = lease;
        }

        void confirmHeld() {
            if (lease != null) {
                lease.confirmHeld();
            }
        }

        @Override
        public void close() {
            if (lease != null) {
                lease.close();
                lease = null;
            }
        }
    }
}
