package dev.hover.plugin.deploy;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.ExecuteChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.ExecuteChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CloudFormation as AWS runs it, asynchronously, which moto cannot show: after the change set is
 * executed, each DescribeStacks call moves the stack one state along the script and adds that
 * state's events, as if they had happened since the last poll.
 */
final class ScriptedCloudFormation implements CloudFormationClient {
    /** One poll's worth: the stack's status then, and the events that happened before it. */
    record Step(String status, List<StackEvent> events) {
    }

    private final List<Step> script;
    private final List<StackEvent> events = new ArrayList<>();
    private String status;
    private boolean executed;
    private int next;
    final List<String> calls = new ArrayList<>();

    ScriptedCloudFormation(String initialStatus, List<Step> script) {
        this.status = initialStatus;
        this.script = script;
    }

    static StackEvent event(int second, String logicalId, String type, String status, String reason) {
        return StackEvent.builder().eventId("e" + second + logicalId + status).timestamp(Instant.ofEpochSecond(1_795_716_000L + second))
                .logicalResourceId(logicalId).resourceType(type).resourceStatus(status).resourceStatusReason(reason).build();
    }

    @Override
    public DescribeStacksResponse describeStacks(DescribeStacksRequest request) {
        calls.add("DescribeStacks");
        if (executed && next < script.size()) {
            Step step = script.get(next++);
            List<StackEvent> newestFirst = new ArrayList<>(step.events());
            Collections.reverse(newestFirst);
            events.addAll(0, newestFirst);
            status = step.status();
        }
        if (status == null) {
            throw (CloudFormationException) CloudFormationException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ValidationError").errorMessage("Stack with id " + request.stackName() + " does not exist").build()).build();
        }
        return DescribeStacksResponse.builder().stacks(s -> s.stackName(request.stackName()).stackStatus(status)
                .creationTime(Instant.ofEpochSecond(1_795_715_000L))).build();
    }

    @Override
    public DescribeStackEventsResponse describeStackEvents(DescribeStackEventsRequest request) {
        return DescribeStackEventsResponse.builder().stackEvents(events).build();
    }

    @Override
    public DeleteStackResponse deleteStack(DeleteStackRequest request) {
        calls.add("DeleteStack");
        status = null;
        return DeleteStackResponse.builder().build();
    }

    @Override
    public CreateChangeSetResponse createChangeSet(CreateChangeSetRequest request) {
        calls.add("CreateChangeSet " + request.changeSetTypeAsString());
        return CreateChangeSetResponse.builder().build();
    }

    @Override
    public DescribeChangeSetResponse describeChangeSet(DescribeChangeSetRequest request) {
        return DescribeChangeSetResponse.builder().status(ChangeSetStatus.CREATE_COMPLETE).changes(Change.builder()
                .resourceChange(r -> r.action("Modify").logicalResourceId("HttpFunction")
                        .resourceType("AWS::Lambda::Function").replacement("False")).build()).build();
    }

    @Override
    public ExecuteChangeSetResponse executeChangeSet(ExecuteChangeSetRequest request) {
        calls.add("ExecuteChangeSet");
        executed = true;
        return ExecuteChangeSetResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "cloudformation";
    }

    @Override
    public void close() {
    }
}
