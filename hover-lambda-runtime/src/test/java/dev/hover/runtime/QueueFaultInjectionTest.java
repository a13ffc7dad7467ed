package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.model.QueueFunction;
import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.queue.SqsEvents;
import dev.hover.runtime.sample.FaultApp;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into a queue function under aws-lambda-rie, against moto's SQS, with this test
 * playing Lambda's event source mapping as it behaves: receive up to 10, invoke, delete what
 * {@code batchItemFailures} does not name; a failed invocation or a dead container deletes nothing, so
 * the whole batch reappears after the visibility timeout. For every job: it ran to success at least
 * once, or it is in the stage's failed-jobs record with its failure hook run exactly once; a job that
 * succeeded is never reported failed. The counts are printed.
 */
class QueueFaultInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** aws-lambda-rie counts a cold start's init in the invocation's timeout, which Lambda does not: leave room. */
    private static final int FUNCTION_TIMEOUT = 8;
    /** At least the function's timeout, as AWS requires; short, so that dead batches come back soon. */
    private static final int VISIBILITY_TIMEOUT = 9;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(4);

    private static MotoServer moto;
    private static SqsClient sqs;

    @TempDir
    Path taskRoot;

    private String queueUrl;
    private String queueArn;
    private String failedJobsUrl;
    private Path faultLog;
    private int invocations;
    private int failedInvocations;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** What the template makes: the job queue with its redrive policy into the failed-jobs record. */
    private Names stage(String stage) {
        Names names = new Names(stage);
        failedJobsUrl = sqs.createQueue(r -> r.queueName(names.failedJobsQueue())).queueUrl();
        String failedJobsArn = sqs.getQueueAttributes(r -> r.queueUrl(failedJobsUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(r -> r.queueName(names.queue("jobs")).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_TIMEOUT),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + failedJobsArn + "\",\"maxReceiveCount\":5}")))
                .queueUrl();
        queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return names;
    }

    private EmulatedFunction start(String stage, int tries) {
        faultLog = taskRoot.resolve("faults.log");
        QueueFunction jobs = new QueueFunction("jobs", 1024, FUNCTION_TIMEOUT, OptionalInt.empty(), tries, List.of(0),
                List.of("jobs"));
        PackagedManifest manifest = new PackagedManifest("test", stage, "build-1", Map.of(), FaultApp.class.getName(),
                new PackagedManifest.Http(SampleFunctions.freePort(), "/health", 1, 30), List.of(), Map.of("jobs", jobs));
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.putAll(Map.of("HOVER_FUNCTION_TYPE", "queue", "HOVER_QUEUE_FUNCTION", "jobs",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(FUNCTION_TIMEOUT), "FAULT_LOG", faultLog.toString()));
        return SampleFunctions.start(taskRoot, manifest, environment);
    }

    private void dispatch(String name, String action, int failures, Integer timeoutSeconds) {
        String data = "{\"name\":\"" + name + "\",\"action\":\"" + action + "\",\"failures\":" + failures + "}";
        String body = "{\"version\":1,\"id\":\"" + name + "\",\"job\":\"" + FaultApp.FaultJob.class.getName() + "\",\"data\":"
                + data + (timeoutSeconds == null ? "" : ",\"timeout\":" + timeoutSeconds) + "}";
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    /** Lambda's event source mapping, until the queue is empty (nothing visible, in flight or delayed). */
    private void drain(EmulatedFunction function) throws Exception {
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        int quiet = 0;
        while (quiet < 2) {
            assertThat(Instant.now()).as("the queue drains within %s; function log:%n%s", DRAIN_LIMIT, function.output())
                    .isBefore(limit);
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (batch.isEmpty()) {
                quiet = queueIsEmpty() ? quiet + 1 : 0;
                continue;
            }
            quiet = 0;
            invoke(function, batch);
        }
    }

    private void invoke(EmulatedFunction function, List<Message> batch) throws Exception {
        invocations++;
        String text = function.invoke(SqsEvents.of(batch, queueArn));
        JsonNode answer = text.startsWith("{") ? JSON.readTree(text) : null;
        if (answer == null || answer.has("errorType")) {
            // the invocation failed, timed out ("Task timed out after …") or its container died: nothing
            // is deleted, all of it comes back
            failedInvocations++;
            return;
        }
        List<String> reported = new ArrayList<>();
        answer.get("batchItemFailures").forEach(f -> reported.add(f.get("itemIdentifier").asText()));
        for (Message m : batch) {
            if (!reported.contains(m.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private boolean queueIsEmpty() {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    private List<FailedJob> failedJobsRecord() {
        List<FailedJob> entries = new ArrayList<>();
        List<Message> some;
        do {
            some = sqs.receiveMessage(r -> r.queueUrl(failedJobsUrl).maxNumberOfMessages(10).visibilityTimeout(60)).messages();
            for (Message m : some) {
                entries.add(FailedJobCodec.decode(m.body()).orElseGet(() -> FailedJobCodec.moved(m.messageId(), m.body(),
                        Optional.of("jobs"), 0, Instant.now())));
            }
        } while (!some.isEmpty());
        return entries;
    }

    /** What the application noted, per job: its runs, successes and failure hooks. */
    private record Notes(Map<String, Integer> runs, Map<String, Integer> successes, Map<String, Integer> hooks) {
        static Notes read(Path log) throws Exception {
            Notes notes = new Notes(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
            for (String line : Files.readAllLines(log)) {
                String[] words = line.split(" ");
                Map<String, Integer> counts = switch (words[0]) {
                    case "ran" -> notes.runs;
                    case "ok" -> notes.successes;
                    default -> notes.hooks;
                };
                counts.merge(words[1], 1, Integer::sum);
            }
            return notes;
        }
    }

    /**
     * The invariant for every job, and each job's expected end.
     *
     * @param expectedFailed the jobs that must end in the record (all others must succeed)
     * @return the summary line
     */
    private String check(List<String> jobs, List<String> expectedFailed, List<FailedJob> record) throws Exception {
        long invalid = record.stream().filter(e -> e.reason() == FailedJob.Reason.INVALID && e.job().isEmpty()).count();
        Notes notes = Notes.read(faultLog);
        Map<String, Long> recorded = new HashMap<>();
        record.forEach(entry -> recorded.merge(entry.id(), 1L, Long::sum));
        int lost = 0;
        int succeeded = 0;
        int failed = 0;
        int repeated = 0;
        for (String job : jobs) {
            int successes = notes.successes().getOrDefault(job, 0);
            int hooks = notes.hooks().getOrDefault(job, 0);
            long entries = recorded.getOrDefault(job, 0L);
            if (successes > 0) {
                succeeded++;
                repeated += successes - 1;
                assertThat(entries).as("%s succeeded, so it is not in the failed-jobs record", job).isZero();
                assertThat(hooks).as("%s succeeded, so its failure hook never ran", job).isZero();
            } else if (entries == 1 && hooks == 1) {
                failed++;
            } else {
                lost++;
            }
            assertThat(successes > 0).as("%s: %d runs, %d successes, %d hooks, %d entries", job,
                    notes.runs().getOrDefault(job, 0), successes, hooks, entries).isEqualTo(!expectedFailed.contains(job));
        }
        String summary = "jobs: " + jobs.size() + ", succeeded: " + succeeded + " (" + repeated + " extra runs of succeeded jobs), "
                + "failed for good: " + failed + " (each recorded once, its hook run once), bodies that are not jobs recorded: "
                + invalid + ", invocations: " + invocations
                + " (" + failedInvocations + " died or failed), lost: " + lost;
        System.out.println("fault injection: " + summary);
        assertThat(lost).as(summary).isZero();
        return summary;
    }

    @ParameterizedTest(name = "tries {0}")
    @ValueSource(ints = {1, 3})
    void aKillAfterJobFourOfTenLosesNothingAndCostsNoTry(int tries) throws Exception {
        String stage = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        stage(stage);
        List<String> jobs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String name = "batch-" + i;
            jobs.add(name);
            dispatch(name, i == 5 ? "kill-once" : "ok", 0, null);
        }
        try (EmulatedFunction function = start(stage, tries)) {
            List<Message> batch = new ArrayList<>();
            while (batch.size() < 10) {
                batch.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages());
            }
            batch.sort(Comparator.comparingInt(QueueFaultInjectionTest::order));
            invoke(function, batch);
            assertThat(failedInvocations).as("the kill -9 takes the batch down").isEqualTo(1);
            assertThat(Notes.read(faultLog).successes()).as("jobs 1 to 4 ran before it").containsOnlyKeys(
                    "batch-1", "batch-2", "batch-3", "batch-4");

            drain(function);

            check(jobs, List.of(), failedJobsRecord());
        }
    }

    private static int order(Message message) {
        String body = message.body();
        int at = body.indexOf("batch-") + 6;
        return Integer.parseInt(body.substring(at, body.indexOf('"', at)));
    }

    @Test
    void aMatrixOfFaultsLosesNothing() throws Exception {
        int tries = 3;
        String stage = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        Names names = stage(stage);
        List<String> jobs = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int failures = 1; failures <= tries + 1; failures++) {
            String name = "fails-" + failures;
            jobs.add(name);
            dispatch(name, "fail-until", failures, null);
            if (failures >= tries) {
                failed.add(name);
            }
        }
        jobs.add("slow");
        failed.add("slow");
        dispatch("slow", "slow", 0, 1);
        jobs.add("poison");
        failed.add("poison");
        dispatch("poison", "halt", 0, null);
        for (int i = 1; i <= 6; i++) {
            jobs.add("nap-" + i);
            dispatch("nap-" + i, "nap", 0, null);
        }
        for (int i = 1; i <= 4; i++) {
            jobs.add("ok-" + i);
            dispatch("ok-" + i, "ok", 0, null);
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("not json"));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"version\":1,\"id\":\"no-job\"}"));

        try (EmulatedFunction function = start(stage, tries)) {
            drain(function);

            List<FailedJob> record = failedJobsRecord();
            assertThat(record).filteredOn(e -> e.reason() == FailedJob.Reason.INVALID)
                    .extracting(FailedJob::body).containsExactlyInAnyOrder("not json", "{\"version\":1,\"id\":\"no-job\"}");
            assertThat(record).filteredOn(e -> e.id().equals("poison")).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(FailedJob.Reason.POISON));
            assertThat(record).filteredOn(e -> e.id().equals("slow")).singleElement()
                    .satisfies(e -> assertThat(e.exceptionLine()).contains("did not finish within its timeout of 1 s"));
            assertThat(record).filteredOn(e -> e.id().equals("fails-3")).singleElement()
                    .satisfies(e -> assertThat(e.attempts()).isEqualTo(tries));
            assertThat(record).allSatisfy(e -> assertThat(e.queue()).isEqualTo(names.queue("jobs")));
            check(jobs, failed, record);
        }
    }
}
