package dev.hover.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.queue.TestJobs.Task;
import dev.hover.runtime.queue.TestJobs.TaskJob;
import dev.hover.runtime.worker.TimeBox;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


/**
 * The worker against moto's SQS: jobs are dispatched for real, received as Lambda's event source
 * mapping would, run, settled with SQS (deleted, sent back with their next attempt, recorded as
 * failed); the tests then look at the queue and the stage's failed-jobs record.
 */
abstract class MotoJobWorkerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Names STAGE = new Names("shop-test");

    static SqsClient sqs;
    static QueueUrls queues;

    final String queue = "jobs" + UUID.randomUUID().toString().substring(0, 8);
    final String failedJobs = "failed" + UUID.randomUUID().toString().substring(0, 8);
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final JobEnvironment environment = new JobEnvironment(getClass().getClassLoader());
    final Retirement retirement = new Retirement();
    String queueUrl;
    String queueArn;
    String failedJobsUrl;
    JobDispatcher dispatcher;

    @BeforeAll
    static void moto() {
        LocalAws.moto().applyToSystemProperties();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        queues = new QueueUrls(() -> sqs);
    }

    @BeforeEach
    void queue() {
        TestJobs.clear();
        queueUrl = sqs.createQueue(r -> r.queueName(STAGE.queue(queue))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
        queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        failedJobsUrl = sqs.createQueue(r -> r.queueName(failedJobs)).queueUrl();
        dispatcher = new JobDispatcher(STAGE, List.of(queue), environment, queues, Clock.systemUTC());
    }

    QueueHandler handler(int tries, List<Integer> backoff) {
        return handler(tries, backoff, retirement);
    }

    QueueHandler handler(int tries, List<Integer> backoff, Retirement container) {
        return new QueueHandler(new JobWorker(RetryPolicy.of(tries, backoff), environment, queues, failedJobs,
                TimeBox.shared(), container, new PrintStream(log, true, StandardCharsets.UTF_8)));
    }

    String dispatch(String name, String action) {
        return dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task(name, action),
                Optional.empty(), Duration.ZERO, RetryOverrides.NONE));
    }

    String dispatch(String name, String action, RetryOverrides overrides) {
        return dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task(name, action),
                Optional.empty(), Duration.ZERO, overrides));
    }

    /** Receives what is visible now, as the event source mapping would. */
    List<Message> receive() {
        return receive(queueUrl);
    }

    static List<Message> receive(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> some;
        do {
            some = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            all.addAll(some);
        } while (!some.isEmpty() && all.size() < 10);
        return all;
    }

    List<String> process(QueueHandler handler, List<Message> messages) throws Exception {
        return process(handler, messages, Duration.ofSeconds(60));
    }

    /** Runs one batch and, as the event source mapping does, deletes the records not reported back. */
    List<String> process(QueueHandler handler, List<Message> messages, Duration timeout) throws Exception {
        byte[] answer = handler.handle(new Invocation("request", System.currentTimeMillis() + timeout.toMillis(),
                "arn:aws:lambda:us-east-1:123456789012:function:shop-test-jobs-queue:live", null,
                SqsEvents.of(messages, queueArn).getBytes(StandardCharsets.UTF_8)));
        List<String> failed = new ArrayList<>();
        for (JsonNode failure : JSON.readTree(answer).get("batchItemFailures")) {
            failed.add(failure.get("itemIdentifier").asText());
        }
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return failed;
    }

    /** A batch whose container died: its messages come back (visible at once) with their receive count raised. */
    List<Message> redeliver(List<Message> batch) {
        for (Message m : batch) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        return receive();
    }

    List<JsonNode> logRecords(String event) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && JSON.readTree(line).get("event").asText().equals(event)) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    List<FailedJob> failedJobsRecord() {
        return receive(failedJobsUrl).stream().map(m -> FailedJobCodec.decode(m.body()).orElseThrow()).toList();
    }

    List<Message> receiveAfter(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        return receive();
    }

    static JsonNode body(Message message) throws Exception {
        return JSON.readTree(message.body());
    }
}
