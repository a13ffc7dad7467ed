package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.queue.JobMessage;
import dev.hover.runtime.queue.JobMessageCodec;
import dev.hover.runtime.queue.RetryOverrides;
import dev.hover.runtime.queue.SqsEvents;
import dev.hover.runtime.sample.WorkerApp;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cli and queue functions end to end: aws-lambda-rie → Bootstrap → an application that
 * registers a command, a schedule entry and a job; the queue function sends a failed job back through moto's SQS.
 */
class JobsAndCommandsFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    private PackagedManifest manifest(String name, QueueFunction queue) {
        int port = SampleFunctions.freePort();
        return new PackagedManifest("test", name, "build-1", Map.of("GREETING", "hello from the manifest"),
                WorkerApp.class.getName(), new PackagedManifest.Http(port, "/health", 1, 30),
                List.of(new ScheduleEntry("* * * * *", "greet 'the manifest schedule'")), Map.of(queue.function(), queue));
    }

    @Test
    void theCliFunctionRunsTheApplicationsCommandsAndItsSchedule() throws Exception {
        PackagedManifest manifest = manifest("sample-test", QueueFunction.defaults("jobs"));
        try (EmulatedFunction cli = SampleFunctions.start(taskRoot, manifest,
                Map.of("HOVER_FUNCTION_TYPE", "cli", "AWS_LAMBDA_FUNCTION_TIMEOUT", "20"))) {

            JsonNode greeting = JSON.readTree(cli.invoke("{\"command\": \"greet 'big world' \\\"you\\\"\"}"));
            assertThat(greeting.get("exitCode").asInt()).as(cli.output()).isZero();
            assertThat(greeting.get("output").asText()).isEqualTo("Hello, big world and you!\n(hello from the manifest)\n");

            JsonNode unknown = JSON.readTree(cli.invoke("{\"command\": \"migrate\"}"));
            assertThat(unknown.get("exitCode").asInt()).isEqualTo(127);
            assertThat(unknown.get("output").asText()).contains("Unknown command 'migrate'.", "  greet          Greets whoever is named\n");

            JsonNode scheduled = JSON.readTree(cli.invoke("{\"command\": \"schedule:run\"}"));
            assertThat(scheduled.get("exitCode").asInt()).isZero();
            assertThat(scheduled.get("output").asText())
                    .contains("Hello, the manifest schedule!", "Hello, the application schedule!")
                    .containsPattern("2 scheduled commands ran at \\S+ UTC, 0 failed\\.\n$");
            assertThat(cli.output()).as("scheduled output is in the function's log").contains("Hello, the application schedule!");
        }
    }

    @Test
    void theQueueFunctionRunsABatchAndSendsTheFailedJobBackThroughSqs() throws Exception {
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        String stage = "sample-" + UUID.randomUUID().toString().substring(0, 8);
        QueueFunction notes = new QueueFunction("notes", 1024, 20, OptionalInt.empty(), 3, List.of(2), List.of("notes"));
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        String url = sqs.createQueue(r -> r.queueName(new Names(stage).queue("notes"))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120"))).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        for (String note : List.of("first", "broken", "third")) {
            String data = JSON.writeValueAsString(Map.of("text", note, "fail", note.equals("broken")));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(JobMessageCodec.encode(new JobMessage(note,
                    WorkerApp.NoteJob.class.getName(), data, RetryOverrides.NONE, Optional.empty()))));
        }
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(messages).hasSize(3);

        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.putAll(Map.of("HOVER_FUNCTION_TYPE", "queue", "HOVER_QUEUE_FUNCTION", "notes",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "20"));
        try (EmulatedFunction queue = SampleFunctions.start(taskRoot, manifest(stage, notes), environment)) {
            JsonNode answer = JSON.readTree(queue.invoke(SqsEvents.of(messages, arn)));

            assertThat(answer.get("batchItemFailures")).as(queue.output()).isEmpty();
            assertThat(queue.output()).contains("noted first on attempt 1", "noted third on attempt 1",
                    "\"event\":\"job.retrying\"", "\"delaySeconds\":2", "cannot note broken");
            for (Message m : messages) {
                // as the event source mapping does with the records not reported
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            Thread.sleep(2_500);
            List<Message> again = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            assertThat(again).as("only the failed job is back, as a new message for attempt 2, after its 2 s backoff")
                    .extracting(m -> JSON.readTree(m.body()).get("id").asText() + "#" + JSON.readTree(m.body()).get("attempt").asInt())
                    .containsExactly("broken#2");
            assertThat(again.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("1");
        }
    }
}
