package dev.hover.plugin.aws;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CloudFormation, as a deploy uses it: stacks, change sets and their events. */
public final class Stacks {
    private final CloudFormationClient cloudFormation;
    private final Duration pollInterval;

    public Stacks(CloudFormationClient cloudFormation, Duration pollInterval) {
        this.cloudFormation = cloudFormation;
        this.pollInterval = pollInterval;
    }

    public Optional<StackState> describe(String stack) {
        try {
            Stack found = cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0);
            Map<String, String> outputs = new HashMap<>();
            for (Output output : found.outputs()) {
                if (output.outputValue() != null) {
                    outputs.put(output.outputKey(), output.outputValue());
                }
            }
            return Optional.of(new StackState(found.stackName(), found.stackStatusAsString(),
                    found.lastUpdatedTime() != null ? found.lastUpdatedTime() : found.creationTime(), outputs));
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw AwsErrors.explain("describe the stack " + stack, e);
        }
    }

    /**
     * Creates a change set and waits until CloudFormation has computed it.
     *
     * @return the changes, or empty when the template and parameters change nothing (the change
     *         set is then deleted)
     */
    public Optional<List<StackChange>> createChangeSet(ChangeSetRequest request) {
        CreateChangeSetRequest.Builder create = CreateChangeSetRequest.builder()
                .stackName(request.stack())
                .changeSetName(request.changeSetName())
                .changeSetType(request.create() ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                .capabilities(Capability.CAPABILITY_IAM)
                .tags(request.tags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList());
        request.templateBody().ifPresent(create::templateBody);
        request.templateUrl().ifPresent(create::templateURL);
        request.roleArn().ifPresent(create::roleARN);
        try {
            cloudFormation.createChangeSet(create.build());
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && meansNoChanges(e.awsErrorDetails().errorMessage())) {
                return Optional.empty();
            }
            throw AwsErrors.explain("create a change set for the stack " + request.stack(), e);
        }

        DescribeChangeSetResponse described = waitForChangeSet(request.stack(), request.changeSetName());
        if (described.status() == ChangeSetStatus.FAILED) {
            String reason = String.valueOf(described.statusReason());
            if (meansNoChanges(reason)) {
                deleteChangeSet(request.stack(), request.changeSetName());
                return Optional.empty();
            }
            throw new AwsException("CloudFormation could not prepare the change to the stack " + request.stack() + ": " + reason);
        }
        return Optional.of(changes(request.stack(), request.changeSetName(), described));
    }

    /** CloudFormation says "nothing to do" either when creating the change set or as its failure reason. */
    private static boolean meansNoChanges(String message) {
        return message != null
                && (message.contains("didn't contain changes") || message.contains("No updates are to be performed"));
    }

    private DescribeChangeSetResponse waitForChangeSet(String stack, String changeSet) {
        while (true) {
            DescribeChangeSetResponse described = AwsErrors.explain("describe the change set " + changeSet,
                    () -> cloudFormation.describeChangeSet(r -> r.stackName(stack).changeSetName(changeSet)));
            ChangeSetStatus status = described.status();
            if (status == ChangeSetStatus.CREATE_COMPLETE || status == ChangeSetStatus.FAILED) {
                return described;
            }
            pause();
        }
    }

    private List<StackChange> changes(String stack, String changeSet, DescribeChangeSetResponse first) {
        List<StackChange> changes = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        while (true) {
            page.changes().forEach(c -> {
                ResourceChange rc = c.resourceChange();
                changes.add(new StackChange(rc.actionAsString(), rc.logicalResourceId(), rc.resourceType(),
                        rc.replacementAsString() == null ? "" : rc.replacementAsString()));
            });
            String next = page.nextToken();
            if (next == null) {
                return changes;
            }
            page = AwsErrors.explain("describe the change set " + changeSet,
                    () -> cloudFormation.describeChangeSet(r -> r.stackName(stack).changeSetName(changeSet).nextToken(next)));
        }
    }

    public void executeChangeSet(String stack, String changeSet) {
        AwsErrors.explain("start the change set " + changeSet + " of the stack " + stack,
                () -> cloudFormation.executeChangeSet(r -> r.stackName(stack).changeSetName(changeSet)));
    }

    public void deleteChangeSet(String stack, String changeSet) {
        AwsErrors.explain("delete the change set " + changeSet,
                () -> cloudFormation.deleteChangeSet(r -> r.stackName(stack).changeSetName(changeSet)));
    }

    /** Deletes a stack that has no resources to keep (never created, or rolled back) and waits. */
    public void deleteEmptyStack(String stack) {
        startDeletion(stack);
        while (describe(stack).filter(s -> !"DELETE_COMPLETE".equals(s.status())).isPresent()) {
            pause();
        }
    }

    /** Asks CloudFormation to delete the stack with its resources; it goes on without this process. */
    public void startDeletion(String stack) {
        AwsErrors.explain("delete the stack " + stack, () -> cloudFormation.deleteStack(r -> r.stackName(stack)));
    }

    /**
     * The stack's id, when a stack of that name exists: a deleted stack is described (and its events
     * read) only by its id.
     */
    public Optional<String> stackId(String stack) {
        try {
            return Optional.of(cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0).stackId());
        } catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw AwsErrors.explain("describe the stack " + stack, e);
        }
    }

    /**
     * The stack's events after {@code afterEventId} (all of them when null), oldest first.
     * CloudFormation lists newest first, so this reads pages until it meets the known event.
     */
    public List<StackEvent> eventsAfter(String stack, String afterEventId) {
        List<StackEvent> newestFirst = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeStackEventsResponse response = AwsErrors.explain("read the events of the stack " + stack,
                    () -> cloudFormation.describeStackEvents(r -> r.stackName(stack).nextToken(page)));
            for (var event : response.stackEvents()) {
                if (event.eventId().equals(afterEventId)) {
                    Collections.reverse(newestFirst);
                    return newestFirst;
                }
                newestFirst.add(new StackEvent(event.eventId(), event.timestamp(), event.logicalResourceId(),
                        event.resourceType(), event.resourceStatusAsString(),
                        event.resourceStatusReason() == null ? "" : event.resourceStatusReason()));
            }
            token = response.nextToken();
        } while (token != null);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The newest event's id, the mark to read new events from. */
    public Optional<String> latestEventId(String stack) {
        return AwsErrors.explain("read the events of the stack " + stack,
                () -> cloudFormation.describeStackEvents(r -> r.stackName(stack)).stackEvents().stream()
                        .findFirst().map(e -> e.eventId()));
    }

    public void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsException("Interrupted while waiting for CloudFormation", e);
        }
    }
}
