package dev.hover.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hover.model.jobs.FailedJob;
import dev.hover.runtime.api.JobDataCodec;
import dev.hover.runtime.api.Jobs;
import dev.hover.runtime.queue.TestJobs.Task;
import dev.hover.runtime.queue.TestJobs.TaskJob;
import dev.hover.runtime.worker.TimeBox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tries, backoff, releases, failures for good, invalid bodies and dispatch, on {@link MotoJobWorkerTest}'s queues. */
class JobWorkerMotoTest extends MotoJobWorkerTest {
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
