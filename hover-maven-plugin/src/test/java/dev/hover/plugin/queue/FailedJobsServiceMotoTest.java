package dev.hover.plugin.queue;

import dev.hover.plugin.network.Proxies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.jobs.FailedJob;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.stage.StageSession;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue goals' service on moto: a job fails for good under aws-lambda-rie (the runtime records it),
 * is listed, retried onto its queue, runs, and is gone from the record; another is forgotten.
 */
class FailedJobsServiceMotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = ChargesApp.ChargeJob.class.getName();
    private static MotoServer moto;
    private static SqsClient sqs;

    @TempDir
    Path project;
    @TempDir
    Path taskRoot;

    private final List<String> log = new ArrayList<>();
    private String queueUrl;
    private String queueArn;
    private Path fixed;
    private EmulatedFunction function;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @BeforeEach
    void stage() throws Exception {
        moto.reset();
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/staging.yml"), """
                name: shop-staging
                region: us-east-1
                queue:
                  charges:
                    tries: 1
                    timeout: 20
                """);
        queueUrl = sqs.createQueue(r -> r.queueName("charges-shop-staging")).queueUrl();
        queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.createQueue(r -> r.queueName("shop-staging-failed-jobs"));

        Files.createDirectories(taskRoot.resolve("hover"));
        PackagedManifestCodec.write(PackagedManifest.of(StageSession.readManifest(project, "staging", warning -> { }), "build-1",
                ChargesApp.class.getName()), taskRoot.resolve("hover").resolve(PackagedManifest.FILE_NAME));
        fixed = taskRoot.resolve("fixed");
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.putAll(Map.of("HOVER_FUNCTION_TYPE", "queue", "HOVER_QUEUE_FUNCTION", "charges",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "20", "LAMBDA_TASK_ROOT", taskRoot.toString(), "CHARGES_FIXED", fixed.toString()));
        function = LocalAws.rie().start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.hover.runtime.Bootstrap"), environment);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    /** Runs one of the service's goals in a stage session of its own, as each goal opens one. */
    private List<FailedJob> inSession(BiFunction<FailedJobsService, StageSession, List<FailedJob>> goal) throws IOException {
        try (StageSession session = StageSession.open(project, "staging", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add)) {
            return goal.apply(new FailedJobsService(log::add), session);
        }
    }

    private List<FailedJob> list() throws IOException {
        return inSession(FailedJobsService::list);
    }

    private List<FailedJob> retry(String job) throws IOException {
        return inSession((service, session) -> service.retry(session, job));
    }

    private List<FailedJob> forget(String job) throws IOException {
        return inSession((service, session) -> service.forget(session, job));
    }

    private void dispatch(String id, long order) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"version\":1,\"id\":\"" + id + "\",\"job\":\"" + JOB
                + "\",\"data\":{\"order\":" + order + "}}"));
    }

    /** What Lambda's event source mapping does with one batch: receive, invoke, delete what is not reported. */
    private JsonNode runBatch() throws Exception {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject().put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle())
                    .put("body", m.body()).put("eventSource", "aws:sqs").put("eventSourceARN", queueArn);
            record.putObject("attributes").put("ApproximateReceiveCount",
                    m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        }
        JsonNode answer = JSON.readTree(function.invoke(JSON.writeValueAsString(event)));
        List<String> failed = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return answer;
    }

    @Test
    void aJobFailedUnderTheRuntimeIsListedRetriedOntoItsQueueRunsAndLeavesTheRecord() throws Exception {
        dispatch("charge-42", 42);
        assertThat(runBatch().path("batchItemFailures")).as(function.output()).isEmpty();
        assertThat(function.output()).contains("order 42 failed for good: the payment provider refused order 42");

        List<FailedJob> listed = list();

        assertThat(listed).hasSize(1);
        FailedJob entry = listed.get(0);
        assertThat(entry.id()).isEqualTo("charge-42");
        assertThat(entry.job()).contains(JOB);
        assertThat(entry.queue()).isEqualTo("charges-shop-staging");
        assertThat(entry.exceptionLine()).isEqualTo("java.lang.IllegalStateException: the payment provider refused order 42");
        assertThat(log).contains("1 failed job in shop-staging-failed-jobs:");
        assertThat(log.get(2)).startsWith("id         job").contains("queue", "failed at", "reason", "exception");
        assertThat(log.get(3)).startsWith("charge-42  " + JOB + "  charges-shop-staging  " + entry.failedAt())
                .endsWith("failed  java.lang.IllegalStateException: the payment provider refused order 42");
        assertThat(list()).as("listing leaves the record as it was").hasSize(1);

        Files.writeString(fixed, "deployed");
        log.clear();
        assertThat(retry("charge-42")).extracting(FailedJob::id).containsExactly("charge-42");
        assertThat(log).contains("Retried charge-42 (" + JOB + ") on charges-shop-staging",
                "1 job dispatched again; 0 left in shop-staging-failed-jobs.");

        assertThat(runBatch().path("batchItemFailures")).isEmpty();
        assertThat(function.output()).contains("charged order 42");
        assertThat(list()).isEmpty();
    }

    @Test
    void retryAllDispatchesEveryEntryAndForgetRemovesOne() throws Exception {
        dispatch("charge-1", 1);
        dispatch("charge-2", 2);
        dispatch("charge-3", 3);
        runBatch();
        assertThat(list()).hasSize(3);

        assertThat(forget("charge-2")).extracting(FailedJob::id).containsExactly("charge-2");
        assertThat(list()).extracting(FailedJob::id)
                .containsExactlyInAnyOrder("charge-1", "charge-3");

        assertThat(retry(FailedJobsService.ALL)).hasSize(2);
        assertThat(list()).isEmpty();
        List<Message> requeued = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(requeued).extracting(m -> JSON.readTree(m.body()).get("id").asText())
                .containsExactlyInAnyOrder("charge-1", "charge-3");
    }

    @Test
    void anUnknownIdOrAMissingOneSaysWhatToDo() throws Exception {
        assertThatThrownBy(() -> retry("nope"))
                .isInstanceOf(QueueGoalException.class)
                .hasMessage("hover.job: there is no failed job 'nope' in shop-staging-failed-jobs (0 entries;"
                        + " mvn hover:queue-failed lists them)");
        assertThatThrownBy(() -> forget(" "))
                .isInstanceOf(QueueGoalException.class)
                .hasMessage("hover.job: name the failed job's id (mvn hover:queue-failed lists them)");
    }

    @Test
    void aStageWithoutARecordSaysSo() {
        sqs.deleteQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("shop-staging-failed-jobs")).queueUrl()));

        assertThatThrownBy(() -> list())
                .isInstanceOf(QueueGoalException.class)
                .hasMessage("stage staging has no failed-jobs record: the queue shop-staging-failed-jobs does not exist"
                        + " (the stage has no queue functions, or has not been deployed)");
    }
}
