package dev.hover.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hover.model.jobs.FailedJob;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Retirement;
import dev.hover.runtime.queue.TestJobs.TaskJob;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Containers that die, records that cannot fit, long backoffs and timeouts: nothing lost, no try wasted. */
class JobWorkerFaultsMotoTest extends MotoJobWorkerTest {
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
}
