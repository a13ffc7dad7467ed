package dev.hover.maven;

import dev.hover.model.jobs.FailedJob;
import dev.hover.model.jobs.FailedJobCodec;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import javax.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue goals as Maven runs them, against moto's SQS: their parameters, and refusals as build failures. */
@MojoTest
class QueueMojosTest {
    private static MotoServer moto;
    private static SqsClient sqs;

    @Inject
    MavenSession session;

    @TempDir
    Path project;

    private String recordUrl;
    private String queueUrl;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @BeforeEach
    void stageWithOneFailedJob() throws Exception {
        moto.reset();
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/staging.yml"), "name: shop-staging\nregion: us-east-1\nqueue:\n  mail: {}\n");
        queueUrl = sqs.createQueue(r -> r.queueName("mail-shop-staging")).queueUrl();
        recordUrl = sqs.createQueue(r -> r.queueName("shop-staging-failed-jobs")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(recordUrl).messageBody(FailedJobCodec.encode(new FailedJob("job-1",
                Optional.of("com.example.SendInvoice"), "mail-shop-staging", 3, Instant.parse("2026-11-26T17:45:00Z"),
                FailedJob.Reason.FAILED, "java.lang.IllegalStateException: no mail server", "",
                "{\"version\":1,\"id\":\"job-1\",\"job\":\"com.example.SendInvoice\",\"data\":{}}"))));
    }

    private <T extends QueueGoalMojo> T configured(T mojo) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        return MojoProjects.in(project, mojo);
    }

    @Test
    void queueFailedListsAndQueueRetryDispatchesAgain(
            @InjectMojo(goal = "queue-failed", pom = ParameterWiringTest.PLAIN) QueueFailedMojo failed,
            @InjectMojo(goal = "queue-retry", pom = ParameterWiringTest.PLAIN) QueueRetryMojo retry) throws Exception {
        configured(failed).execute();

        session.getUserProperties().setProperty("hover.job", "job-1");
        configured(retry).execute();

        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).hasSize(1);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(recordUrl).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "queue-forget", pom = ParameterWiringTest.PLAIN)
    void queueForgetWithoutAJobIsABuildFailureSayingWhatToGive(QueueForgetMojo forget) {
        assertThatThrownBy(() -> configured(forget).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover.job: name the failed job's id (mvn hover:queue-failed lists them)");
    }

    @Test
    @InjectMojo(goal = "queue-forget", pom = ParameterWiringTest.PLAIN)
    void queueForgetRemovesTheEntry(QueueForgetMojo forget) throws Exception {
        session.getUserProperties().setProperty("hover.job", "job-1");
        configured(forget).execute();

        assertThat(sqs.receiveMessage(r -> r.queueUrl(recordUrl).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).isEmpty();
    }
}
