package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.ChangeSetRequest;
import dev.hover.plugin.aws.StackChange;
import dev.hover.plugin.aws.StackEvent;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.events.Progress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates the stage's stack through a change set: the changes are shown first (and
 * that is all a dry run does), then the change set runs and its events are printed as they come.
 */
final class StackStep {
    /** CloudFormation's limit for an inline template; larger ones go through the assets bucket. */
    static final int MAX_TEMPLATE_BODY_BYTES = 51_200;

    /**
     * @param changes what the change set held; empty when there was nothing to change
     * @param outputs the stack's outputs after the step
     */
    record Result(List<StackChange> changes, Map<String, String> outputs) {
    }

    private final Stacks stacks;
    private final AssetsBucket bucket;
    private final Clock clock;
    private final Duration timeout;

    StackStep(Stacks stacks, AssetsBucket bucket, Clock clock, Duration timeout) {
        this.stacks = stacks;
        this.bucket = bucket;
        this.clock = clock;
        this.timeout = timeout;
    }

    Steps.Outcome<Result> run(StageManifest manifest, String template, String buildId, boolean dryRun, Progress progress) {
        String stack = Names.of(manifest).stack();
        Optional<StackState> before = currentState(stacks, manifest);
        if (before.isPresent() && before.get().deadOnArrival()) {
            if (dryRun) {
                progress.line("the stack's first creation failed earlier (" + before.get().status() + "); a deploy deletes it first");
            } else {
                progress.line("the stack's first creation failed earlier (" + before.get().status() + "); deleting it, it holds no resources");
                stacks.deleteEmptyStack(stack);
            }
        }
        boolean create = before.isEmpty() || before.get().neverCreated() || before.get().deadOnArrival();
        String changeSet = changeSetName(buildId);
        ChangeSetRequest request = request(manifest, stack, changeSet, create, template, buildId);

        Optional<List<StackChange>> planned = stacks.createChangeSet(request);
        if (planned.isEmpty()) {
            return Steps.Outcome.of(new Result(List.of(), before.map(StackState::outputs).orElse(Map.of())), "no changes");
        }
        List<StackChange> changes = planned.get();
        changes.forEach(change -> progress.line(describe(change)));
        if (dryRun) {
            stacks.deleteChangeSet(stack, changeSet);
            if (before.isEmpty()) {
                stacks.deleteEmptyStack(stack);
            }
            return Steps.Outcome.of(new Result(changes, Map.of()), "would apply " + count(changes));
        }

        String mark = before.isEmpty() ? null : stacks.latestEventId(stack).orElse(null);
        try {
            stacks.executeChangeSet(stack, changeSet);
        } catch (AwsException e) {
            String state = stacks.describe(stack).map(StackState::status).orElse("absent");
            progress.failure(e.getMessage());
            throw new DeployException("CloudFormation refused the change to the stack " + stack + ": " + e.getMessage()
                    + " The stack is " + state + "; live still points at the previous versions.", e);
        }
        List<StackEvent> seen = new ArrayList<>();
        StackState after = follow(stack, mark, seen, progress);
        if (!after.succeeded()) {
            List<StackEvent> failures = seen.stream().filter(StackEvent::failed).toList();
            failures.forEach(event -> progress.failure(event.logicalId() + " (" + event.resourceType() + "): " + event.reason()));
            throw new DeployException("The stack " + stack + " ended in " + after.status() + " after "
                    + failures.size() + " failed resource(s)" + (failures.isEmpty() ? "" : ", first " + failures.get(0).logicalId()
                    + ": " + failures.get(0).reason()) + ". Nothing was released: live still points at the previous versions.");
        }
        return Steps.Outcome.of(new Result(changes, after.outputs()), after.status() + ", " + count(changes));
    }

    /**
     * The stack's state, refusing a stack that another deploy (or a rollback, a deletion) is
     * changing right now: two deploys of one stage must not interleave.
     */
    static Optional<StackState> currentState(Stacks stacks, StageManifest manifest) {
        Optional<StackState> state = stacks.describe(Names.of(manifest).stack());
        if (state.isPresent() && state.get().busy()) {
            throw new DeployException(state.get().busyMessage(manifest.stage(), "deploy again"));
        }
        return state;
    }

    private ChangeSetRequest request(StageManifest manifest, String stack, String changeSet, boolean create,
                                     String template, String buildId) {
        byte[] body = template.getBytes(StandardCharsets.UTF_8);
        Optional<String> inline = Optional.empty();
        Optional<String> url = Optional.empty();
        if (body.length <= MAX_TEMPLATE_BODY_BYTES) {
            inline = Optional.of(template);
        } else {
            String key = "templates/" + buildId + ".json";
            bucket.upload(key, body, "application/json");
            url = Optional.of(bucket.templateUrl(key, manifest.region()));
        }
        return new ChangeSetRequest(stack, changeSet, create, inline, url, manifest.auth().stackRole(), Map.of("hover:stage", manifest.stage()));
    }

    /** Prints the stack's events until it leaves every *_IN_PROGRESS state; returns its final state. */
    private StackState follow(String stack, String mark, List<StackEvent> seen, Progress progress) {
        Instant deadline = clock.instant().plus(timeout);
        String last = print(stack, mark, seen, progress);
        while (true) {
            StackState state = stacks.describe(stack)
                    .orElseThrow(() -> new DeployException("The stack " + stack + " disappeared while it was being deployed"));
            // the events up to this state: the last poll may have ended just before the final ones
            last = print(stack, last, seen, progress);
            if (!state.status().endsWith("_IN_PROGRESS")) {
                return state;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DeployException("The stack " + stack + " is still " + state.status() + " after "
                        + (timeout.toMinutes() > 0 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s")
                        + " (-Dhover.stackTimeout). CloudFormation goes on with it: follow "
                        + "it with `aws cloudformation describe-stack-events --stack-name " + stack + "` and deploy again "
                        + "once it has ended. Nothing was released: live still points at the previous versions.");
            }
            stacks.pause();
        }
    }

    /** Prints the events after {@code mark}; returns the new mark. */
    private String print(String stack, String mark, List<StackEvent> seen, Progress progress) {
        String last = mark;
        for (StackEvent event : stacks.eventsAfter(stack, mark)) {
            progress.stackEvent(event);
            seen.add(event);
            last = event.id();
        }
        return last;
    }

    /** Unique per attempt, so a change set left behind by an interrupted deploy never collides. */
    private String changeSetName(String buildId) {
        String safe = buildId.replaceAll("[^A-Za-z0-9-]", "-");
        return "hover-" + safe.substring(0, Math.min(safe.length(), 100)) + "-" + clock.millis();
    }

    private static String describe(StackChange change) {
        String replacement = "Modify".equals(change.action()) && "True".equals(change.replacement()) ? " (replaced)"
                : "Modify".equals(change.action()) && "Conditional".equals(change.replacement()) ? " (may be replaced)" : "";
        return String.format("%-7s %s  %s%s", change.action(), change.logicalId(), change.resourceType(), replacement);
    }

    private static String count(List<StackChange> changes) {
        long add = changes.stream().filter(c -> "Add".equals(c.action())).count();
        long modify = changes.stream().filter(c -> "Modify".equals(c.action())).count();
        long remove = changes.stream().filter(c -> "Remove".equals(c.action())).count();
        return add + " to add, " + modify + " to modify, " + remove + " to remove";
    }
}
