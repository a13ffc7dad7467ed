package dev.hover.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Retirement;
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
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * mapping would, run, settled with SQS (deleted, sent back with their next attempt, recorded as
 * failed); the tests then look at the queue and the stage's failed-jobs record.
 */
class JobWorkerMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Names STAGE = new Names("shop-test");

    private static SqsClient sqs;
    private static QueueUrls queues;

    private final String queue = "jobs" + UUID.randomUUID().toString().substring(0, 8);
    private final String failedJobs = "failed" + UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final JobEnvironment environment = new JobEnvironment(getClass().getClassLoader());
    private final Retirement retirement = new Retirement();
    private String queueUrl;
    private String queueArn;
    private String failedJobsUrl;
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
        failedJobsUrl = sqs.createQueue(r -> r.queueName(failedJobs)).queueUrl();
        dispatcher = new JobDispatcher(STAGE, List.of(queue), environment, queues, Clock.systemUTC());
    }

    private QueueHandler handler(int tries, List<Integer> backoff) {
        return handler(tries, backoff, retirement);
    }

    private QueueHandler handler(int tries, List<Integer> backoff, Retirement container) {
        return new QueueHandler(new JobWorker(RetryPolicy.of(tries, backoff), environment, queues, failedJobs,
                TimeBox.shared(), container, new PrintStream(log, true, StandardCharsets.UTF_8)));
    }

    private String dispatch(String name, String action) {
        return dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task(name, action),
                Optional.empty(), Duration.ZERO, RetryOverrides.NONE));
    }

    private String dispatch(String name, String action, RetryOverrides overrides) {
        return dispatcher.dispatch(new DispatchRequest(TaskJob.class, new Task(name, action),
                Optional.empty(), Duration.ZERO, overrides));
    }

    /** Receives what is visible now, as the event source mapping would. */
    private List<Message> receive() {
        return receive(queueUrl);
    }

    private static List<Message> receive(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> some;
        do {
            some = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            all.addAll(some);
        } while (!some.isEmpty() && all.size() < 10);
        return all;
    }

    private List<String> process(QueueHandler handler, List<Message> messages) throws Exception {
        return process(handler, messages, Duration.ofSeconds(60));
    }

    /** Runs one batch and, as the event source mapping does, deletes the records not reported back. */
    private List<String> process(QueueHandler handler, List<Message> messages, Duration timeout) throws Exception {
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
    private List<Message> redeliver(List<Message> batch) {
        for (Message m : batch) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        return receive();
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

    private List<FailedJob> failedJobsRecord() {
        return receive(failedJobsUrl).stream().map(m -> FailedJobCodec.decode(m.body()).orElseThrow()).toList();
    }

    private List<Message> receiveAfter(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        return receive();
    }

    private static JsonNode body(Message message) throws Exception {
        return JSON.readTree(message.body());
    }

    @Test
    void aBatchThatSucceedsIsLeftToLambdaToDeleteWithoutASingleSqsCall() throws Exception {
        dispatch("hello", "ok");
        dispatch("world", "ok");
        QueueUrls noSqs = new QueueUrls(() -> {
            throw new IllegalStateException("a batch that succeeds makes no SQS call");
        });
        QueueHandler handler = new QueueHandler(new JobWorker(RetryPolicy.of(3, List.of(0)), environment, noSqs, failedJobs,
                TimeBox.shared(), retirement, new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertThat(process(handler, receive())).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("hello#1", "world#1");
        assertThat(receiveAfter(Duration.ZERO)).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailedAttemptGoesBackAsANewMessageWithItsNextAttemptAfterTheBackoff() throws Exception {
        String id = dispatch("flaky", "fail-once");
        QueueHandler handler = handler(3, List.of(2, 60));

        assertThat(process(handler, receive())).as("settled by the worker, not reported").isEmpty();

        assertThat(receiveAfter(Duration.ofMillis(1_000))).as("invisible during the 2 s backoff").isEmpty();
        List<Message> second = receiveAfter(Duration.ofMillis(1_600));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .as("a new message").isEqualTo("1");
        assertThat(body(second.get(0)).get("attempt").asInt()).isEqualTo(2);
        assertThat(body(second.get(0)).get("id").asText()).isEqualTo(id);
        assertThat(process(handler, second)).isEmpty();
        assertThat(TestJobs.HANDLED).containsExactly("flaky#1", "flaky#2");
        JsonNode retrying = logRecords("job.retrying").get(0);
        assertThat(retrying.get("delaySeconds").asInt()).isEqualTo(2);
        assertThat(retrying.get("exception").asText()).isEqualTo("java.lang.IllegalStateException: flaky failed once");
        assertThat(TestJobs.FAILED).isEmpty();
        assertThat(receive()).isEmpty();
    }

    @Test
    void theLastFailureRunsTheFailureHookOnceAndRecordsTheJobReplayably() throws Exception {
        String id = dispatch("doomed", "fail");
        QueueHandler handler = handler(2, List.of(0));

        assertThat(process(handler, receive())).isEmpty();
        List<Message> last = receive();
        assertThat(last).as("a 0 s backoff makes it visible at once").hasSize(1);
        assertThat(process(handler, last)).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("doomed#1", "doomed#2");
        assertThat(TestJobs.HOOKS).containsExactly("doomed");
        assertThat(TestJobs.FAILED.get("doomed")).hasMessage("doomed failed");
        List<FailedJob> record = failedJobsRecord();
        assertThat(record).hasSize(1);
        FailedJob entry = record.get(0);
        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.job()).contains(TaskJob.class.getName());
        assertThat(entry.queue()).isEqualTo(STAGE.queue(queue));
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.reason()).isEqualTo(FailedJob.Reason.FAILED);
        assertThat(entry.exception()).isEqualTo("java.lang.IllegalStateException: doomed failed");
        assertThat(entry.stackTrace()).contains("at dev.hover.runtime.queue.TestJobs$TaskJob.handle");
        assertThat(body(last.get(0)).get("attempt").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(entry.body()).has("attempt")).as("replayed from attempt 1").isFalse();
        assertThat(JSON.readTree(entry.body()).get("data")).isEqualTo(body(last.get(0)).get("data"));
        assertThat(logRecords("job.failed")).hasSize(1);
        assertThat(receiveAfter(Duration.ZERO)).isEmpty();
    }

    @Test
    void aJobMayReleaseItselfForALaterAttempt() throws Exception {
        dispatch("patient", "release");
        QueueHandler handler = handler(3, List.of(60));

        assertThat(process(handler, receive())).isEmpty();
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

        assertThat(process(handler, receive())).isEmpty();
        assertThat(process(handler, receiveAfter(Duration.ofMillis(2_600)))).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("late#1");
        assertThat(TestJobs.FAILED.get("late")).isInstanceOf(TriesExhaustedException.class)
                .hasMessage("job " + TaskJob.class.getName() + " used its 1 tries");
        assertThat(failedJobsRecord()).extracting(FailedJob::attempts).containsExactly(1);
    }

    @Test
    void aBodyThatIsNotAJobGoesStraightToTheFailedJobsRecordWithItsBody() throws Exception {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"hello\": \"not a job\"}"));
        List<Message> first = receive();

        assertThat(process(handler(3, List.of(0)), first)).isEmpty();

        FailedJob entry = failedJobsRecord().get(0);
        assertThat(entry.reason()).isEqualTo(FailedJob.Reason.INVALID);
        assertThat(entry.id()).isEqualTo(first.get(0).messageId());
        assertThat(entry.job()).isEmpty();
        assertThat(entry.exception()).isEqualTo("the body has no \"version\", so it is not a Hover job message");
        assertThat(entry.body()).isEqualTo("{\"hello\": \"not a job\"}");
        assertThat(logRecords("job.invalid")).hasSize(1);
        assertThat(receive()).isEmpty();
    }

    @Test
    void anUnknownJobClassIsRetriedThenRecordedAsInvalid() throws Exception {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(
                "{\"version\":1,\"id\":\"x\",\"job\":\"com.example.Gone\",\"data\":{}}"));
        QueueHandler handler = handler(2, List.of(0));

        assertThat(process(handler, receive())).isEmpty();
        assertThat(logRecords("job.retrying").get(0).get("exception").asText())
                .isEqualTo(InvalidJobMessageException.class.getName() + ": job class com.example.Gone is not in this application");
        assertThat(process(handler, receive())).isEmpty();

        FailedJob entry = failedJobsRecord().get(0);
        assertThat(entry.reason()).isEqualTo(FailedJob.Reason.INVALID);
        assertThat(entry.job()).contains("com.example.Gone");
        assertThat(entry.attempts()).isEqualTo(2);
    }

    @Test
    void inABatchOfTenOnlyTheFailedJobsGoBack() throws Exception {
        IntStream.rangeClosed(1, 10).forEach(i -> dispatch("job" + i, i == 3 || i == 7 ? "fail" : "ok"));
        List<Message> batch = receive();
        assertThat(batch).hasSize(10);

        assertThat(process(handler(3, List.of(2)), batch)).isEmpty();

        assertThat(TestJobs.HANDLED).hasSize(10);
        assertThat(receiveAfter(Duration.ofMillis(500))).as("the two failed ones wait out their backoff").isEmpty();
        List<Message> back = receiveAfter(Duration.ofMillis(2_000));
        assertThat(back).extracting(m -> body(m).get("data").get("name").asText()).containsExactlyInAnyOrder("job3", "job7");
    }

    @Test
    void aBatchThatDiedIsRunAgainWithoutUsingUpTriesAndItsSuspectsRunOneByOne() throws Exception {
        IntStream.rangeClosed(1, 3).forEach(i -> dispatch("victim" + i, "ok"));
        List<Message> died = receive();
        QueueHandler handler = handler(1, List.of(0));

        List<Message> redelivered = redeliver(died);
        assertThat(redelivered).allSatisfy(m ->
                assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2"));
        assertThat(process(handler, redelivered)).isEmpty();

        assertThat(TestJobs.HANDLED).as("one suspect runs, alone").hasSize(1);
        assertThat(logRecords("job.deferred")).hasSize(2);
        List<Message> deferred = receiveAfter(Duration.ofMillis(2_500));
        assertThat(deferred).hasSize(2).allSatisfy(m -> {
            assertThat(body(m).get("crashes").asInt()).isEqualTo(1);
            assertThat(body(m).has("attempt")).as("still attempt 1").isFalse();
        });
        assertThat(process(handler, List.of(deferred.get(0)))).isEmpty();
        assertThat(process(handler, List.of(deferred.get(1)))).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactlyInAnyOrder("victim1#1", "victim2#1", "victim3#1");
        assertThat(TestJobs.HOOKS).isEmpty();
        assertThat(failedJobsRecord()).isEmpty();
    }

    @Test
    void freshRecordsRunBeforeASuspect() throws Exception {
        dispatch("suspect", "ok");
        List<Message> died = receive();
        List<Message> redelivered = redeliver(died);
        dispatch("fresh", "ok");
        List<Message> batch = new ArrayList<>(redelivered);
        batch.addAll(receive());

        byte[] answer = handler(3, List.of(0)).handle(new Invocation("request", System.currentTimeMillis() + 60_000,
                "arn:aws:lambda:us-east-1:123456789012:function:f", null, SqsEvents.of(batch, queueArn).getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(TestJobs.HANDLED).containsExactly("fresh#1", "suspect#1");
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values())
                .as("the fresh one was deleted before the suspect ran; the suspect is left to Lambda").containsExactly("1");
    }

    @Test
    void aJobWhoseContainersKeepDyingIsRecordedAsPoisonAfterItsFailureHook() throws Exception {
        String poison = JobMessageCodec.encode(new JobMessage("p-1", TaskJob.class.getName(),
                "{\"name\":\"poison\",\"action\":\"ok\"}", RetryOverrides.NONE, Optional.empty(),
                new Delivery(1, 2, Optional.empty(), Optional.empty())));
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(poison).build());

        List<Message> third = redeliver(receive());
        assertThat(process(handler(3, List.of(0)), third)).isEmpty();

        assertThat(TestJobs.HANDLED).as("not run again").isEmpty();
        assertThat(TestJobs.HOOKS).containsExactly("poison");
        assertThat(TestJobs.FAILED.get("poison")).isInstanceOf(PoisonJobException.class)
                .hasMessageContaining("its container died 3 times");
        FailedJob entry = failedJobsRecord().get(0);
        assertThat(entry.reason()).isEqualTo(FailedJob.Reason.POISON);
        assertThat(JSON.readTree(entry.body()).has("crashes")).isFalse();
    }

    @Test
    void recordsTheInvocationCannotFitAreSentBackWithTheirAttempt() throws Exception {
        RetryOverrides twoSeconds = new RetryOverrides(OptionalInt.empty(), Optional.empty(), OptionalInt.of(2));
        dispatch("first", "nap", twoSeconds);
        List<Message> batch = new ArrayList<>(receive());
        dispatch("second", "ok", twoSeconds);
        batch.addAll(receive());

        assertThat(process(handler(1, List.of(0)), batch, Duration.ofSeconds(4))).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("first#1");
        assertThat(logRecords("job.not-started")).extracting(r -> r.get("reason").asText())
                .containsExactly("the invocation's time is too short for it");
        List<Message> back = receive();
        assertThat(back).hasSize(1);
        assertThat(body(back.get(0)).has("attempt")).isFalse();
        assertThat(process(handler(1, List.of(0)), back)).isEmpty();
        assertThat(TestJobs.HANDLED).containsExactly("first#1", "second#1");
        assertThat(failedJobsRecord()).isEmpty();
    }

    @Test
    void aJobWhoseLongBackoffIsNotOverGoesBackUnstartedForTheRestOfIt() throws Exception {
        Instant notBefore = Instant.now().plusSeconds(3);
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(JobMessageCodec.encode(new JobMessage(
                "later-1", TaskJob.class.getName(), "{\"name\":\"later\",\"action\":\"ok\"}", RetryOverrides.NONE,
                Optional.empty(), new Delivery(2, 0, Optional.of(notBefore), Optional.empty())))).build());
        QueueHandler handler = handler(3, List.of(0));

        assertThat(process(handler, receive())).isEmpty();
        assertThat(TestJobs.HANDLED).as("not before its backoff ends").isEmpty();
        assertThat(receiveAfter(Duration.ofMillis(1_000))).as("sent back with the rest of the wait").isEmpty();
        List<Message> due = receiveAfter(Duration.ofMillis(3_500));
        assertThat(due).hasSize(1);
        assertThat(body(due.get(0)).get("attempt").asInt()).isEqualTo(2);
        assertThat(process(handler, due)).isEmpty();

        assertThat(TestJobs.HANDLED).containsExactly("later#2");
    }

    @Test
    void anAttemptThatOutlivesItsTimeoutIsInterruptedAndCountsAsFailed() throws Exception {
        dispatch("slow", "sleep", new RetryOverrides(OptionalInt.of(2), Optional.empty(), OptionalInt.of(1)));

        long started = System.nanoTime();
        assertThat(process(handler(3, List.of(5)), receive())).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        JsonNode retrying = logRecords("job.retrying").get(0);
        assertThat(retrying.get("exception").asText()).isEqualTo(JobTimeoutException.class.getName() + ": job "
                + TaskJob.class.getName() + " did not finish within its timeout of 1 s");
        assertThat(retrying.get("tries").asInt()).isEqualTo(2);
        assertThat(retirement.requested()).isFalse();
    }

    @Test
    void aTimeoutOnTheLastTryStillRunsTheFailureHook() throws Exception {
        dispatch("stuck", "sleep", new RetryOverrides(OptionalInt.of(1), Optional.empty(), OptionalInt.of(1)));

        assertThat(process(handler(3, List.of(5)), receive())).isEmpty();

        assertThat(TestJobs.FAILED.get("stuck")).isInstanceOf(JobTimeoutException.class);
        assertThat(failedJobsRecord()).hasSize(1);
    }

    @Test
    void aJobThatIgnoresItsInterruptRetiresTheContainerAndItsHookRunsInTheNextOne() throws Exception {
        RetryOverrides oneSecond = new RetryOverrides(OptionalInt.of(1), Optional.empty(), OptionalInt.of(1));
        dispatch("deaf", "stubborn", oneSecond);
        List<Message> batch = new ArrayList<>(receive());
        dispatch("next", "ok");
        batch.addAll(receive());

        assertThat(process(handler(3, List.of(0)), batch)).isEmpty();

        assertThat(retirement.reason()).contains("ignored its interrupt");
        assertThat(TestJobs.HOOKS).as("never beside the running job").isEmpty();
        assertThat(TestJobs.HANDLED).as("nothing more starts beside it").containsExactly("deaf#1");
        Thread.sleep(3_000);
        List<Message> back = receive();
        assertThat(back).hasSize(2);

        assertThat(process(handler(3, List.of(0), new Retirement()), back)).as("a fresh container").isEmpty();
        assertThat(TestJobs.HOOKS).containsExactly("deaf");
        assertThat(TestJobs.FAILED.get("deaf")).isInstanceOf(TriesExhaustedException.class)
                .hasMessageContaining("it ignored the interrupt");
        assertThat(TestJobs.HANDLED).containsExactly("deaf#1", "next#1");
    }

    @Test
    void aJobTheFactoryCannotCreateFailsItsAttempt() throws Exception {
        dispatcher.dispatch(new DispatchRequest(TestJobs.NeedsAService.class, "x", Optional.empty(),
                Duration.ZERO, RetryOverrides.NONE));

        assertThat(process(handler(1, List.of(0)), receive())).isEmpty();

        assertThat(failedJobsRecord().get(0).exception())
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
