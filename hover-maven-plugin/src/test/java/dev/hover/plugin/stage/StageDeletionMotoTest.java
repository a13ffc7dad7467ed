package dev.hover.plugin.stage;

import dev.hover.plugin.network.Proxies;
import dev.hover.model.Names;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.lease.StageLease;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hover:stage-delete}'s service against moto: a stage {@code dev} ({@code shop-dev}) with what its
 * deploys and {@code hover:stage-new} leave in AWS: a stack holding its failed-jobs queue, a versioned
 * assets bucket, an ECR repository with an image, and a secrets key behind its alias.
 */
class StageDeletionMotoTest {
    private static final Names NAMES = new Names("shop-dev");
    private static MotoServer moto;

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();
    private CloudFormationClient cloudFormation;
    private S3Client s3;
    private EcrClient ecr;
    private KmsClient kms;
    private SqsClient sqs;
    private String keyId;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void aDeployedStage() throws Exception {
        moto.reset();
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/dev.yml"), "name: shop-dev\nregion: us-east-1\n");
        cloudFormation = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
        ecr = EcrClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

        cloudFormation.createStack(r -> r.stackName(NAMES.stack()).templateBody("""
                {"Resources": {"FailedJobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "%s"}}}}
                """.formatted(NAMES.failedJobsQueue())));
        s3.createBucket(r -> r.bucket(NAMES.assetsBucket()));
        s3.putBucketVersioning(r -> r.bucket(NAMES.assetsBucket()).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        for (String content : List.of("v1", "v2")) {
            s3.putObject(r -> r.bucket(NAMES.assetsBucket()).key("assets/b1/app.js"), RequestBody.fromString(content));
        }
        s3.putObject(r -> r.bucket(NAMES.assetsBucket()).key("assets/b1/site.css"), RequestBody.fromString("body {}"));
        s3.deleteObject(r -> r.bucket(NAMES.assetsBucket()).key("assets/b1/site.css"));
        ecr.createRepository(r -> r.repositoryName(NAMES.repository()));
        ecr.putImage(r -> r.repositoryName(NAMES.repository()).imageTag("b1").imageManifest("""
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": 2, "digest": "sha256:%s"},
                 "layers": []}""".formatted("a".repeat(64))));
        keyId = kms.createKey(r -> r.description("shop-dev secrets")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName(NAMES.secretsKeyAlias()).targetKeyId(keyId));
    }

    @AfterEach
    void closeClients() {
        cloudFormation.close();
        s3.close();
        ecr.close();
        kms.close();
        sqs.close();
    }

    private List<StageDeletion.Outcome> delete(Optional<String> confirm, Optional<Prompter> prompter) throws Exception {
        try (StageSession session = StageSession.open(project, "dev", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add)) {
            return new StageDeletion(log::add).delete(session, confirm, prompter, false);
        }
    }

    private static List<StageDeletion.Result> results(List<StageDeletion.Outcome> outcomes) {
        return outcomes.stream().map(StageDeletion.Outcome::result).toList();
    }

    private boolean stackExists() {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(NAMES.stack())).stacks().stream()
                    .anyMatch(s -> !"DELETE_COMPLETE".equals(s.stackStatusAsString()));
        } catch (CloudFormationException e) {
            return false;
        }
    }

    private boolean bucketExists() {
        try {
            s3.headBucket(r -> r.bucket(NAMES.assetsBucket()));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    private boolean repositoryExists() {
        try {
            ecr.describeRepositories(r -> r.repositoryNames(NAMES.repository()));
            return true;
        } catch (RepositoryNotFoundException e) {
            return false;
        }
    }

    private boolean queueExists() {
        try {
            sqs.getQueueUrl(r -> r.queueName(NAMES.failedJobsQueue()));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    private String keyState() {
        return kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyStateAsString();
    }

    private void assertUntouched() {
        assertThat(stackExists()).isTrue();
        assertThat(bucketExists()).isTrue();
        assertThat(repositoryExists()).isTrue();
        assertThat(queueExists()).isTrue();
        assertThat(keyState()).isEqualTo("Enabled");
    }

    @Test
    void aConfirmedDeletionLeavesNoStackBucketRepositoryOrRecordAndTheKeyPendingDeletion() throws Exception {
        assertThat(queueExists()).as("the stack made the record").isTrue();

        List<StageDeletion.Outcome> outcomes = delete(Optional.of("dev"), Optional.empty());

        assertThat(stackExists()).isFalse();
        assertThat(queueExists()).isFalse();
        assertThat(bucketExists()).isFalse();
        assertThat(repositoryExists()).isFalse();
        assertThat(keyState()).isEqualTo("PendingDeletion");
        assertThat(outcomes).extracting(StageDeletion.Outcome::part).containsExactly("stack shop-dev",
                "failed-jobs record shop-dev-failed-jobs", "ECR repository shop-dev", "secrets key alias/shop-dev-secrets-key",
                "assets bucket shop-dev-assets", ".hover/");
        assertThat(results(outcomes)).containsExactly(StageDeletion.Result.REMOVED, StageDeletion.Result.ALREADY_GONE,
                StageDeletion.Result.REMOVED, StageDeletion.Result.REMOVED, StageDeletion.Result.REMOVED, StageDeletion.Result.KEPT);
        // app.js twice, site.css and its delete marker, the lease (written, then deleted: a delete marker)
        assertThat(outcomes.get(4).detail()).startsWith("with 6 object version(s)");
        assertThat(outcomes.get(3).detail()).contains("scheduled for deletion in 7 days");
        assertThat(log).anyMatch(line -> line.matches("    \\d\\d:\\d\\d:\\d\\d  DELETE_COMPLETE  shop-dev  AWS::CloudFormation::Stack"));
        assertThat(log).contains("Stage dev (shop-dev) is deleted from us-east-1.");
        assertThat(project.resolve(".hover/dev.yml")).exists();
    }

    @Test
    void withoutConfirmationOrWithAnotherNameNothingIsTouched() {
        assertThatThrownBy(() -> delete(Optional.empty(), Optional.empty()))
                .isInstanceOf(StageException.class)
                .hasMessage("hover:stage-delete deletes stage dev for good and there is no terminal to confirm it at: "
                        + "add -Dhover.confirm=dev. Nothing was deleted.");
        assertThatThrownBy(() -> delete(Optional.of("shop-dev"), Optional.empty()))
                .isInstanceOf(StageException.class)
                .hasMessage("hover.confirm: 'shop-dev' is not the stage's name dev. Nothing was deleted.");
        assertThatThrownBy(() -> delete(Optional.empty(), Optional.of(answering("prod"))))
                .isInstanceOf(StageException.class)
                .hasMessage("hover.confirm: 'prod' is not the stage's name dev. Nothing was deleted.");
        assertUntouched();
    }

    @Test
    void theNameTypedAtTheTerminalConfirms() throws Exception {
        List<String> told = new ArrayList<>();
        List<StageDeletion.Outcome> outcomes = delete(Optional.empty(), Optional.of(new Prompter() {
            @Override
            public Optional<String> ask(String question) {
                told.add(question);
                return Optional.of("dev");
            }

            @Override
            public void tell(String message) {
                told.add(message);
            }
        }));

        assertThat(told).hasSize(2);
        assertThat(told.get(0)).startsWith("This deletes stage dev (shop-dev) in us-east-1:").contains("in 7 days");
        assertThat(told.get(1)).isEqualTo("Type the stage's name (dev) to delete it:");
        assertThat(results(outcomes)).doesNotContain(StageDeletion.Result.FAILED);
        assertThat(stackExists()).isFalse();
    }

    @Test
    void aDeletionStoppedHalfWayIsFinishedByRunningItAgainAndASecondRunFindsEverythingGone() throws Exception {
        // what an earlier run left, having got as far as the bucket (here deleted by hand)
        new AssetsBucket(s3, NAMES.assetsBucket()).deleteAllVersions(key -> true);
        s3.deleteBucket(r -> r.bucket(NAMES.assetsBucket()));

        List<StageDeletion.Outcome> first = delete(Optional.of("dev"), Optional.empty());
        assertThat(results(first)).containsExactly(StageDeletion.Result.REMOVED, StageDeletion.Result.ALREADY_GONE,
                StageDeletion.Result.REMOVED, StageDeletion.Result.REMOVED, StageDeletion.Result.ALREADY_GONE, StageDeletion.Result.KEPT);
        assertThat(log).contains("The assets bucket shop-dev-assets does not exist: there is no lease to take");

        List<StageDeletion.Outcome> second = delete(Optional.of("dev"), Optional.empty());
        assertThat(second).extracting(StageDeletion.Outcome::line).containsExactly(
                "already gone: stack shop-dev",
                "already gone: failed-jobs record shop-dev-failed-jobs",
                "already gone: ECR repository shop-dev",
                "already gone: secrets key alias/shop-dev-secrets-key (" + kms.describeKey(r -> r.keyId(keyId)).keyMetadata().arn()
                        + " is already scheduled for deletion)",
                "already gone: assets bucket shop-dev-assets",
                second.get(5).line());
        assertThat(stackExists() || bucketExists() || repositoryExists() || queueExists()).isFalse();
        assertThat(keyState()).isEqualTo("PendingDeletion");
    }

    @Test
    void aDeployHoldingTheLeaseStopsTheDeletionBeforeAnythingGoes() {
        StageLease deploy = StageLease.take(new AssetsBucket(s3, NAMES.assetsBucket()), new StageLease.Claim("dev", "deploy",
                Optional.of("b9"), "arn:aws:iam::123456789012:user/ci", "ci@runner-7", "deploy again"), false, Clock.systemUTC(),
                line -> { });
        try {
            assertThatThrownBy(() -> delete(Optional.of("dev"), Optional.empty()))
                    .isInstanceOf(StageException.class)
                    .hasMessageStartingWith("The stage dev is being changed right now: the deploy of build b9")
                    .hasMessageContaining("delete again");
            assertUntouched();
        } finally {
            deploy.close();
        }
    }

    private static Prompter answering(String answer) {
        return new Prompter() {
            @Override
            public Optional<String> ask(String question) {
                return Optional.of(answer);
            }

            @Override
            public void tell(String message) {
            }
        };
    }
}
