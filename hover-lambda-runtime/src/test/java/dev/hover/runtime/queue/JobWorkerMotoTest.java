package dev.hover.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.Jobs;
import dev.hover.runtime.queue.TestJobs.Task;
import dev.hover.runtime.queue.TestJobs.TaskJob;
import dev.hover.runtime.worker.TimeBox;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker against moto's SQS: jobs are dispatched for real, received as Lambda's event source
 * mapping would, run, and released with ChangeMessageVisibility; the tests then look at the queue.
 */
class JobWorkerMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Names STAGE = new Names("shop-test");

    private static SqsClient sqs;
    private static QueueUrls queues;

    private final String queue = "jobs" + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final JobEnvironment environment = new JobEnvironment(getClass().getClassLoader());
    private String queueUrl;
    private String queueArn;
    private JobDispatcher dispatcher;

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
        dispatcher = new JobDispatcher(STAGE, List.of(queue), environment, queues, Clock.systemUTC());
    }

    private QueueHandler handler(int tries, List<Integer> backoff) {
        return new QueueHandler(new JobWorker(RetryPolicy.of(tries, backoff), environment, queues, TimeBox.shared(),
                new PrintStream(log, true, StandardCharsets.UTF_8)));
    }

    private String dispatch(String name, String action) {
        return dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task(name, action),
                Optional.empty(), Duration.ZERO, RetryOverrides.NONE));
    }

    /** Receives what is visible now, as the event source mapping would. */
    private List<Message> receive() {
        List<Message> all = new ArrayList<>();
        List<Message> some;
        do {
            some = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            all.addAll(some);
        } while (!some.isEmpty() && all.size() < 10);
        return all;
    }

    /** Runs one batch and, as the event source mapping does, deletes the records not reported back. */
    private List<String> process(QueueHandler handler, List<Message> messages) throws Exception {
        byte[] answer = handler.handle(new Invocation("request", System.currentTimeMillis() + 60_000,
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

    private List<JsonNode> logRecords(String event) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && JSON.readTree(line).get("event").asText().equals(event)) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private List<Message> receiveAfter(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        return receive();
    }

    @Test
    void aJobThatSucceedsIsDone() throws Exception {
        dispatch("hello", "ok");

        List<String> failed = process(handler(3, List.of(0)), receive());

        assertThat(failed).isEmpty();
        assertThat(TestJobs.HANDLED).containsExactly("hello#1");
        assertThat(receiveAfter(Duration.ZERO)).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailedAttemptIsReleasedWithTheBackoffAndRunsAgainAfterIt() throws Exception {
        dispatch("flaky", "fail-once");
        QueueHandler handler = handler(3, List.of(2, 60));

        List<Message> first = receive();
        assertThat(process(handler, first)).containsExactly(first.get(0).messageId());

        assertThat(receiveAfter(Duration.ofMillis(1_000))).as("invisible during the 2 s backoff").isEmpty();
        List<Message> second = receiveAfter(Duration.ofMillis(1_600));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
        assertThat(process(handler, second)).isEmpty();
        assertThat(TestJobs.HANDLED).containsExactly("flaky#1", "flaky#2");
        JsonNode retrying = logRecords("job.retrying").get(0);
        assertThat(retrying.get("delaySeconds").asInt()).isEqualTo(2);
        assertThat(retrying.get("exception").asText()).isEqualTo("java.lang.IllegalStateException: flaky failed once");
        assertThat(TestJobs.FAILED).isEmpty();
    }

    @Test
    void theLastFailureCallsTheFailureHookLogsTheJobAndLetsTheMessageGo() throws Exception {
        String id = dispatch("doomed", "fail");
        QueueHandler handler = handler(2, List.of(0));

        assertThat(process(handler, receive())).hasSize(1);
        List<Message> last = receive();
        assertThat(last).as("a 0 s backoff makes it visible at once").hasSize(1);
        assertThat(process(handler, last)).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("doomed#1", "doomed#2");
        assertThat(TestJobs.FAILED.get("doomed")).hasMessage("doomed failed");
        JsonNode failed = logRecords("job.failed").get(0);
        assertThat(failed.get("job").asText()).isEqualTo(TaskJob.class.getName());
        assertThat(failed.get("jobId").asText()).isEqualTo(id);
        assertThat(failed.get("attempts").asInt()).isEqualTo(2);
        assertThat(failed.get("exception").asText()).isEqualTo("java.lang.IllegalStateException: doomed failed");
        assertThat(failed.get("stackTrace").asText()).contains("at dev.hover.runtime.queue.TestJobs$TaskJob.handle");
        assertThat(failed.get("body").asText()).isEqualTo(last.get(0).body());
        assertThat(receiveAfter(Duration.ZERO)).isEmpty();
    }

    @Test
    void aJobMayReleaseItselfForALaterAttempt() throws Exception {
        dispatch("patient", "release");
        QueueHandler handler = handler(3, List.of(60));

        assertThat(process(handler, receive())).hasSize(1);
        assertThat(receiveAfter(Duration.ofMillis(1_000))).as("invisible during its own 2 s delay").isEmpty();
        List<Message> again = receiveAfter(Duration.ofMillis(1_600));
        assertThat(again).hasSize(1);
        assertThat(process(handler, again)).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("patient#1", "patient#2");
        assertThat(logRecords("job.retrying")).isEmpty();
    }

    @Test
    void aJobReleasedOnItsLastTryFailsWhenItComesBack() throws Exception {
        dispatch("late", "release");
        QueueHandler handler = handler(1, List.of(0));

        assertThat(process(handler, receive())).hasSize(1);
        assertThat(process(handler, receiveAfter(Duration.ofMillis(2_600)))).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("late#1");
        assertThat(TestJobs.FAILED.get("late")).isInstanceOf(TriesExhaustedException.class)
                .hasMessage("job " + TaskJob.class.getName() + " was received for attempt 2 of 1 tries");
    }

    @Test
    void aMalformedBodyIsLoggedAndRetriedThenDiscardedWithItsBodyAtTheLastTry() throws Exception {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"hello\": \"not a job\"}"));
        QueueHandler handler = handler(2, List.of(0));

        List<Message> first = receive();
        assertThat(process(handler, first)).containsExactly(first.get(0).messageId());
        JsonNode invalid = logRecords("job.invalid").get(0);
        assertThat(invalid.get("reason").asText()).isEqualTo("the body has no \"version\", so it is not a Hover job message");
        assertThat(invalid.get("attempt").asInt()).isEqualTo(1);

        assertThat(process(handler, receive())).isEmpty();
        JsonNode discarded = logRecords("job.discarded").get(0);
        assertThat(discarded.get("body").asText()).isEqualTo("{\"hello\": \"not a job\"}");
        assertThat(discarded.get("messageId").asText()).isEqualTo(first.get(0).messageId());
        assertThat(receiveAfter(Duration.ZERO)).isEmpty();
    }

    @Test
    void anUnknownJobClassIsAnInvalidMessage() throws Exception {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(
                "{\"version\":1,\"id\":\"x\",\"job\":\"com.example.Gone\",\"data\":{}}"));

        assertThat(process(handler(3, List.of(0)), receive())).hasSize(1);

        assertThat(logRecords("job.invalid").get(0).get("reason").asText())
                .isEqualTo("job class com.example.Gone is not in this application");
    }

    @Test
    void inABatchOfTenOnlyTheFailedRecordsAreReported() throws Exception {
        List<String> ids = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> ids.add(dispatch("job" + i, i == 3 || i == 7 ? "fail" : "ok")));
        List<Message> batch = receive();
        assertThat(batch).hasSize(10);

        List<String> failed = process(handler(3, List.of(30)), batch);

        List<String> expected = batch.stream()
                .filter(m -> m.body().contains("\"job3\"") || m.body().contains("\"job7\""))
                .map(Message::messageId).toList();
        assertThat(failed).containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
        assertThat(TestJobs.HANDLED).hasSize(10);
        assertThat(receiveAfter(Duration.ofMillis(500))).as("the two failed ones wait out their backoff").isEmpty();
    }

    @Test
    void anAttemptThatOutlivesItsTimeoutIsInterruptedAndCountsAsFailed() throws Exception {
        dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task("slow", "sleep"), Optional.empty(),
                Duration.ZERO, new RetryOverrides(OptionalInt.of(2), Optional.empty(), OptionalInt.of(1))));

        long started = System.nanoTime();
        assertThat(process(handler(3, List.of(5)), receive())).hasSize(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        JsonNode retrying = logRecords("job.retrying").get(0);
        assertThat(retrying.get("exception").asText()).isEqualTo(JobTimeoutException.class.getName() + ": job "
                + TaskJob.class.getName() + " did not finish within its timeout of 1 s");
        assertThat(retrying.get("tries").asInt()).isEqualTo(2);
    }

    @Test
    void aTimeoutOnTheLastTryStillRunsTheFailureHook() throws Exception {
        dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task("stuck", "sleep"), Optional.empty(),
                Duration.ZERO, new RetryOverrides(OptionalInt.of(1), Optional.empty(), OptionalInt.of(1))));

        assertThat(process(handler(3, List.of(5)), receive())).isEmpty();

        assertThat(TestJobs.FAILED.get("stuck")).isInstanceOf(JobTimeoutException.class);
        assertThat(logRecords("job.failed")).hasSize(1);
    }

    @Test
    void aJobTheFactoryCannotCreateFailsItsAttempt() throws Exception {
        dispatcher.dispatch(new DispatchRequest(TestJobs.NeedsAService.class, "x", Optional.empty(),
                Duration.ZERO, RetryOverrides.NONE));

        assertThat(process(handler(1, List.of(0)), receive())).isEmpty();

        assertThat(logRecords("job.failed").get(0).get("exception").asText())
                .contains("has no public no-arg constructor; give it one, or register a JobFactory (Jobs.useFactory)");
    }

    @Test
    void theApplicationsFactoryAndDataCodecAreUsed() throws Exception {
        List<Class<?>> made = new ArrayList<>();
        environment.useFactory(jobClass -> {
            made.add(jobClass);
            return new TaskJob();
        });
        environment.useDataCodec(new JobDataCodec() {
            @Override
            public String toJson(Object data, Type type) {
                Task task = (Task) data;
                return "\"" + task.name() + "/" + task.action() + "\"";
            }

            @Override
            public Object fromJson(String json, Type type) {
                String[] parts = json.substring(1, json.length() - 1).split("/");
                return new Task(parts[0], parts[1]);
            }
        });
        dispatch("custom", "ok");

        List<Message> messages = receive();
        assertThat(JSON.readTree(messages.get(0).body()).get("data").asText()).isEqualTo("custom/ok");
        assertThat(process(handler(3, List.of(0)), messages)).isEmpty();

        assertThat(made).containsExactly(TaskJob.class);
        assertThat(TestJobs.HANDLED).containsExactly("custom#1");
    }

    @Test
    void dispatchPutsAWellFormedMessageOnTheNamedQueue() throws Exception {
        String mail = "mail" + UUID.randomUUID().toString().substring(0, 8);
        String mailUrl = sqs.createQueue(r -> r.queueName(mail + "-shop-test")).queueUrl();
        JobDispatcher twoQueues = new JobDispatcher(STAGE, List.of(queue, mail), environment, queues, Clock.systemUTC());
        JobDispatcher.install(twoQueues);

        String id = Jobs.job(TaskJob.class, new Task("welcome", "ok"))
                .onQueue(mail).tries(5).backoff(10, 60).timeout(Duration.ofSeconds(20)).dispatch();

        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(mailUrl)).messages();
        assertThat(received).hasSize(1);
        JsonNode body = JSON.readTree(received.get(0).body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("job").asText()).isEqualTo("dev.hover.runtime.queue.TestJobs$TaskJob");
        assertThat(body.get("data")).isEqualTo(JSON.readTree("{\"name\":\"welcome\",\"action\":\"ok\"}"));
        assertThat(body.get("tries").asInt()).isEqualTo(5);
        assertThat(body.get("backoff")).isEqualTo(JSON.readTree("[10,60]"));
        assertThat(body.get("timeout").asInt()).isEqualTo(20);
        assertThat(body.get("dispatchedAt").asText()).isNotBlank();
        assertThat(receive()).as("nothing on the default queue").isEmpty();
    }

    @Test
    void aDelayedJobIsNotReceivableBeforeItsDelay() throws Exception {
        JobDispatcher.install(dispatcher);

        Jobs.job(TaskJob.class, new Task("later", "ok")).delay(Duration.ofSeconds(2)).dispatch();

        assertThat(receiveAfter(Duration.ofMillis(1_000))).isEmpty();
        assertThat(receiveAfter(Duration.ofMillis(1_600))).hasSize(1);
    }
}
