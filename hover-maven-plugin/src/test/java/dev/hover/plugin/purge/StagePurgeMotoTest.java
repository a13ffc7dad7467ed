package dev.hover.plugin.purge;

import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.AwsRefusals;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.lease.StageLease;
import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.rollback.MotoReleases;
import dev.hover.plugin.rollback.ReleasedStageTest;
import dev.hover.plugin.rollback.RollbackException;
import dev.hover.plugin.rollback.RollbackPlan;
import dev.hover.plugin.rollback.RollbackService;
import dev.hover.plugin.stage.StageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static dev.hover.plugin.rollback.MotoReleases.MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hover:stage-purge}'s service against moto: builds deployed as {@link MotoReleases} leaves them
 * (versions described with the build and {@code live} aliases in Lambda, the image tagged with the build in
 * the stage's ECR repository, the assets under {@code assets/<build>/}), then purged and read back
 * through the Lambda, ECR and S3 APIs.
 */
class StagePurgeMotoTest extends ReleasedStageTest {
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void sixReleases() {
        stage.deploy(B1, HTTP, CLI);
        stage.deploy(B2, HTTP, CLI);
        stage.deploy(B3, HTTP, CLI, MAIL);
        stage.deploy(B4, HTTP, CLI, MAIL);
        stage.deploy(B5, HTTP, CLI, MAIL);
        stage.deploy(B6, HTTP, CLI, MAIL);
    }

    private PurgeReport purge(int keep, boolean dryRun) throws Exception {
        try (StageSession session = open()) {
            return new StagePurge(log::add).purge(session, keep, dryRun, false);
        }
    }

    private StageSession open() throws Exception {
        return StageSession.open(project, "staging", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add);
    }

    private List<String> purgedBuilds(PurgeReport report) {
        return report.purged().stream().map(PurgeReport.PurgedBuild::build).toList();
    }

    @Test
    void keepsTheLiveBuildTheOneBeforeItAndKeepMoreAndRemovesTheRestsVersionsImagesAndAssets() throws Exception {
        PurgeReport report = purge(1, false);

        assertThat(report.kept()).containsOnlyKeys(B6, B5, B4);
        assertThat(purgedBuilds(report)).containsExactly(B1, B2, B3);
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B4, B5, B6);
        assertThat(stage.versionBuilds(CLI)).containsExactly(B4, B5, B6);
        assertThat(stage.versionBuilds(MAIL)).containsExactly(B4, B5, B6);
        assertThat(stage.imageTags()).containsExactly(B4, B5, B6);
        assertThat(stage.assetBuilds()).containsExactly(B4, B5, B6);
        assertThat(stage.live(HTTP)).isEqualTo("6");
        assertThat(log).contains(
                "Purge of stage staging (shop-staging, us-east-1): build " + B6 + " is live; keeping 3 build(s), removing 3",
                "    kept: build " + B6 + " (live)",
                "    kept: build " + B5 + " (the one before the live build: hover:rollback goes back to it)",
                "    kept: build " + B4 + " (one of the 1 newest others (hover.keep))",
                "    removed: build " + B3 + " (versions shop-staging-http:3, shop-staging-cli:3, shop-staging-mail-queue:1; "
                        + "image tag " + B3 + "; 2 asset object version(s) under assets/" + B3 + "/)",
                "Purged stage staging: 3 old build(s) removed.");
    }

    @Test
    void aBuildWhoseVersionAKeptBuildStillReleasesStays() throws Exception {
        // B7 and B8 changed only http: Lambda handed both deploys cli's B6 version back, and live stayed on it
        String b7 = "20261126T160000Z-a7a7a7";
        String b8 = "20261126T170000Z-a8a8a8";
        stage.deploy(b7, HTTP);
        stage.deploy(b8, HTTP);

        PurgeReport report = purge(0, false);

        assertThat(report.kept()).containsOnlyKeys(b8, b7, B6)
                .containsEntry(B6, "its version 6 of shop-staging-cli is still released by a kept build");
        assertThat(stage.versionBuilds(CLI)).containsExactly(B6);
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B6, b7, b8);
        assertThat(stage.imageTags()).containsExactly(B6, b7, b8);
    }

    @Test
    void aDryRunListsWhatWouldGoAndRemovesNothing() throws Exception {
        PurgeReport report = purge(0, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(purgedBuilds(report)).containsExactly(B1, B2, B3, B4);
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B1, B2, B3, B4, B5, B6);
        assertThat(stage.imageTags()).containsExactly(B1, B2, B3, B4, B5, B6);
        assertThat(stage.assetBuilds()).containsExactly(B1, B2, B3, B4, B5, B6);
        assertThat(log).contains(
                "Dry run: purge of stage staging (shop-staging, us-east-1): build " + B6 + " is live; keeping 2 build(s), would remove 4",
                "    would remove: build " + B1 + " (versions shop-staging-http:1, shop-staging-cli:1; image tag " + B1
                        + "; 2 asset object(s) under assets/" + B1 + "/)",
                "    Dry run: nothing was removed.");
    }

    @Test
    void aRollbackAfterAPurgeGoesBackToTheBuildBeforeTheLiveOneAndAPurgedBuildIsNoLongerATarget() throws Exception {
        purge(0, false);

        try (StageSession session = open()) {
            RollbackPlan plan = new RollbackService(log::add).rollback(session, Optional.empty(), false, false);
            assertThat(plan.toBuild()).isEqualTo(B5);
        }
        assertThat(stage.live(HTTP)).isEqualTo("5");
        assertThat(stage.live(MAIL)).isEqualTo("3");
        try (StageSession session = open()) {
            assertThatThrownBy(() -> new RollbackService(log::add).rollback(session, Optional.of(B4), false, false))
                    .isInstanceOf(RollbackException.class)
                    .hasMessageStartingWith("hover.build: the stage staging has no build " + B4);
        }
    }

    @Test
    void aPurgeRunAgainFindsNothingToRemove() throws Exception {
        purge(2, false);
        log.clear();

        PurgeReport second = purge(2, false);

        assertThat(second.purged()).isEmpty();
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B3, B4, B5, B6);
        assertThat(log).contains("Nothing to purge on stage staging: every build it has is kept.");
    }

    @Test
    void aBuildWhoseVersionsAreGoneLosesItsImageAndAssetsOnTheNextRun() throws Exception {
        // what a purge that stopped after B1's versions leaves: B1 is known only by its image and its assets
        stage.deleteVersion(HTTP, B1);
        stage.deleteVersion(CLI, B1);

        PurgeReport report = purge(4, false);

        assertThat(purgedBuilds(report)).containsExactly(B1);
        assertThat(stage.imageTags()).doesNotContain(B1);
        assertThat(stage.assetBuilds()).doesNotContain(B1);
        assertThat(log).contains("    removed: build " + B1 + " (image tag " + B1 + "; 2 asset object version(s) under assets/" + B1 + "/)");
    }

    @Test
    void aVersionLambdaRefusesKeepsItsBuildsImageAndAssetsAndTheNextRunFinishesIt() throws Exception {
        try (AutoCloseable refused = AwsRefusals.refuse("DeleteFunction",
                request -> CLI.equals(AwsRefusals.field(request, "FunctionName")) && "2".equals(AwsRefusals.field(request, "Qualifier")),
                () -> ResourceConflictException.builder().statusCode(409)
                        .message("Unable to delete version because the following aliases reference it: [pinned]").build())) {
            assertThatThrownBy(() -> purge(1, false))
                    .isInstanceOf(PurgeException.class)
                    .hasMessageStartingWith("Stage staging is not fully purged: build " + B2 + ": version shop-staging-cli:2: ")
                    .hasMessageContaining("[pinned]")
                    .hasMessageEndingWith("; its image and assets are kept while a version of it is left, so that no rollback "
                            + "lands on a version without its image. Running hover:stage-purge again goes on from where this one stopped.");
        }
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B4, B5, B6);
        assertThat(stage.versionBuilds(CLI)).containsExactly(B2, B4, B5, B6);
        assertThat(stage.imageTags()).containsExactly(B2, B4, B5, B6);
        assertThat(stage.assetBuilds()).containsExactly(B2, B4, B5, B6);
        assertThat(log).anyMatch(line -> line.startsWith("    could not remove: build " + B2 + " (version shop-staging-cli:2: ")
                && line.endsWith("; removed: versions shop-staging-http:2)"));

        PurgeReport again = purge(1, false);

        assertThat(purgedBuilds(again)).containsExactly(B2);
        assertThat(stage.versionBuilds(CLI)).containsExactly(B4, B5, B6);
        assertThat(stage.imageTags()).containsExactly(B4, B5, B6);
        assertThat(stage.assetBuilds()).containsExactly(B4, B5, B6);
    }

    @Test
    void aBuildNeverReleasedAndNewerThanTheLiveOneStays() throws Exception {
        String unfinished = "20261126T160000Z-a7a7a7";
        stage.built(unfinished);

        PurgeReport report = purge(0, false);

        assertThat(report.kept()).containsEntry(unfinished, "never released and newer than the live build: a deploy of it did not finish");
        assertThat(stage.imageTags()).containsExactly(B5, B6, unfinished);
    }

    @Test
    void theBuildTheStackWasLastDeployedWithStays() throws Exception {
        // the stack names an older build than the live one: a stack update of B3 rolled back after B3 and later releases
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            cloudFormation.createStack(r -> r.stackName("shop-staging").templateBody("""
                    {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}},
                     "Outputs": {"BuildId": {"Value": "%s"}}}""".formatted(B3)));
        }

        PurgeReport report = purge(0, false);

        assertThat(report.kept()).containsOnlyKeys(B6, B5, B3).containsEntry(B3, "the stack shop-staging was last "
                + "deployed with it: its functions' unpublished code and a stack rollback use its image");
        assertThat(stage.imageTags()).containsExactly(B3, B5, B6);
    }

    @Test
    void aDeployHoldingTheLeaseStopsThePurgeBeforeAnythingGoes() throws Exception {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
             StageLease deploy = StageLease.take(new AssetsBucket(s3, MotoReleases.BUCKET), new StageLease.Claim("staging",
                     "deploy", Optional.of("b9"), "arn:aws:iam::123456789012:user/ci", "ci@runner-7", "deploy again"),
                     false, Clock.systemUTC(), line -> { })) {
            assertThatThrownBy(() -> purge(0, false))
                    .isInstanceOf(PurgeException.class)
                    .hasMessageContaining("The stage staging is being changed right now: the deploy of build b9");
            assertThat(deploy.record().operation()).isEqualTo("deploy");
        }
        assertThat(stage.imageTags()).hasSize(6);
        assertThat(stage.versionBuilds(HTTP)).hasSize(6);
    }
}
