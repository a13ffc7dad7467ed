package dev.hover.plugin.rollback;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.aws.AssetsBucket;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.lease.StageLease;
import dev.hover.plugin.stage.StageSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static dev.hover.plugin.rollback.MotoReleases.MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hover:rollback}'s service against moto's Lambda: the stage's functions, versions described as
 * deploys describe them and {@code live} aliases are made through the Lambda API, as deploys leave them.
 */
class RollbackServiceMotoTest extends ReleasedStageTest {
    private final List<String> log = new ArrayList<>();

    private void deploy(String build, String... functions) {
        stage.deploy(build, functions);
    }

    private String live(String function) {
        return stage.live(function);
    }

    private RollbackPlan rollback(Optional<String> build, boolean dryRun) throws Exception {
        return rollback(build, dryRun, false);
    }

    private RollbackPlan rollback(Optional<String> build, boolean dryRun, boolean breakLease) throws Exception {
        try (StageSession session = StageSession.open(project, "staging", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add)) {
            return new RollbackService(log::add).rollback(session, build, dryRun, breakLease);
        }
    }

    /** A deploy of build b9 that holds the stage's lease now. */
    private StageLease aDeployHoldsTheLease(S3Client s3) {
        return StageLease.take(new AssetsBucket(s3, MotoReleases.BUCKET), new StageLease.Claim("staging", "deploy",
                Optional.of("b9"), "arn:aws:iam::123456789012:user/ci", "ci@runner-7", "deploy again"), false, Clock.systemUTC(),
                line -> { });
    }

    @Test
    void rollsBackToTheReleaseBeforeTheLiveOneLeavingAQueueFunctionAddedSince() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI, MAIL);

        RollbackPlan plan = rollback(Optional.empty(), false);

        assertThat(plan.fromBuild()).isEqualTo(B2);
        assertThat(plan.toBuild()).isEqualTo(B1);
        assertThat(live(HTTP)).isEqualTo("1");
        assertThat(live(CLI)).isEqualTo("1");
        assertThat(live(MAIL)).isEqualTo("1");
        assertThat(plan.leftAlone()).containsExactly(Map.entry(MAIL, "added after build " + B1 + ": stays on version 1"));
        assertThat(log).contains(
                "Rolled back stage staging (shop-staging, us-east-1): build " + B2 + " -> build " + B1,
                "    shop-staging-http:live 2 -> 1",
                "    shop-staging-cli:live 2 -> 1",
                "    shop-staging-mail-queue:live left alone: added after build " + B1 + ": stays on version 1");
    }

    @Test
    void aSecondRollbackGoesOneReleaseFurtherBack() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);
        deploy(B3, HTTP, CLI);

        rollback(Optional.empty(), false);
        RollbackPlan second = rollback(Optional.empty(), false);

        assertThat(second.fromBuild()).isEqualTo(B2);
        assertThat(second.toBuild()).isEqualTo(B1);
        assertThat(live(HTTP)).isEqualTo("1");
        assertThat(live(CLI)).isEqualTo("1");
    }

    @Test
    void rollsToANamedBuild() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);
        deploy(B3, HTTP, CLI);

        RollbackPlan plan = rollback(Optional.of(B1), false);

        assertThat(plan.moves()).containsExactly(
                Map.entry(HTTP, new RollbackPlan.Move("3", "1")), Map.entry(CLI, new RollbackPlan.Move("3", "1")));
        assertThat(live(HTTP)).isEqualTo("1");
        assertThat(live(CLI)).isEqualTo("1");
    }

    @Test
    void aFunctionUnchangedByALaterBuildKeepsItsOlderVersion() throws Exception {
        deploy(B1, HTTP, CLI);
        // B2 changed only http: Lambda handed the deploy cli's B1 version back, and live stayed on it
        deploy(B2, HTTP);
        deploy(B3, HTTP, CLI);

        rollback(Optional.of(B2), false);

        assertThat(live(HTTP)).isEqualTo("2");
        assertThat(live(CLI)).isEqualTo("1");
    }

    @Test
    void theLiveBuildNamedMovesNothing() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);

        RollbackPlan plan = rollback(Optional.of(B2), false);

        assertThat(plan.moves().values()).noneMatch(RollbackPlan.Move::changes);
        assertThat(live(HTTP)).isEqualTo("2");
        assertThat(log).contains("Nothing to move on stage staging (shop-staging, us-east-1): the versions of build "
                + B2 + " are live");
    }

    @Test
    void aDryRunPrintsTheMovesAndMovesNothing() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);

        RollbackPlan plan = rollback(Optional.empty(), true);

        assertThat(plan.toBuild()).isEqualTo(B1);
        assertThat(live(HTTP)).isEqualTo("2");
        assertThat(live(CLI)).isEqualTo("2");
        assertThat(log).contains(
                "Dry run: would roll back stage staging (shop-staging, us-east-1): build " + B2 + " -> build " + B1,
                "    shop-staging-http:live 2 -> 1",
                "    Dry run: nothing was moved.");
    }

    @Test
    void aStageWithASingleReleaseHasNothingToRollBackTo() throws Exception {
        deploy(B1, HTTP, CLI);

        assertThatThrownBy(() -> rollback(Optional.empty(), false))
                .isInstanceOf(RollbackException.class)
                .hasMessage("Nothing to roll back to on stage staging: build " + B1
                        + " is live and its functions have no version of an earlier build");
        assertThat(live(HTTP)).isEqualTo("1");
    }

    @Test
    void anUnknownBuildListsTheKnownOnes() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);

        assertThatThrownBy(() -> rollback(Optional.of("20261125T000000Z-000000"), false))
                .isInstanceOf(RollbackException.class)
                .hasMessage("hover.build: the stage staging has no build 20261125T000000Z-000000; its functions have versions of "
                        + B2 + " (live), " + B1);
    }

    @Test
    void aFunctionWithoutAVersionOfTheTargetBuildStopsTheRollbackBeforeAnythingMoves() throws Exception {
        deploy(B1, HTTP);
        deploy(B2, HTTP, CLI);

        assertThatThrownBy(() -> rollback(Optional.empty(), false))
                .isInstanceOf(RollbackException.class)
                .hasMessage("Cannot roll back stage staging to build " + B1 + ": shop-staging-cli has no version of it "
                        + "(versions of builds " + B2 + "). Nothing was moved.");
        assertThat(live(HTTP)).isEqualTo("2");
        assertThat(live(CLI)).isEqualTo("1");
    }

    @Test
    void aStageWhoseStackIsBeingChangedIsLeftAlone() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            try {
                cloudFormation.createStack(r -> r.stackName("shop-staging").templateBody("""
                        {"Resources": {"Broken": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "shop-staging-broken",
                          "PackageType": "Image", "Code": {"ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-staging:b"},
                          "Role": "not-a-role"}}}}
                        """));
            } catch (CloudFormationException expected) {
                // moto stops the creation half-way and leaves the stack CREATE_IN_PROGRESS, as a running deploy would
            }
        }

        assertThatThrownBy(() -> rollback(Optional.empty(), false))
                .isInstanceOf(RollbackException.class)
                .hasMessageStartingWith("The stage staging is being changed right now: its stack shop-staging is CREATE_IN_PROGRESS")
                .hasMessageEndingWith("and roll back again.");
        assertThat(live(HTTP)).isEqualTo("2");
    }

    @Test
    void aStageNeverDeployedSaysSo() {
        assertThatThrownBy(() -> rollback(Optional.empty(), false))
                .isInstanceOf(RollbackException.class)
                .hasMessage("The stage staging is not deployed: its assets bucket shop-staging-assets does not exist in "
                        + "us-east-1 (the first deploy makes it); there is nothing to roll back (mvn deploy -Dhover.stage=staging deploys it)");
    }

    @Test
    void aDeployHoldingTheStagesLeaseStopsTheRollbackUnlessItIsBroken() throws Exception {
        deploy(B1, HTTP, CLI);
        deploy(B2, HTTP, CLI);
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
             StageLease deploying = aDeployHoldsTheLease(s3)) {
            assertThatThrownBy(() -> rollback(Optional.empty(), false))
                    .isInstanceOf(RollbackException.class)
                    .hasMessageStartingWith("The stage staging is being changed right now: the deploy of build b9 by "
                            + "arn:aws:iam::123456789012:user/ci (ci@runner-7) since " + deploying.record().since())
                    .hasMessageContaining("Wait until it ends and roll back again.");
            assertThat(live(HTTP)).isEqualTo("2");

            rollback(Optional.empty(), true);
            assertThat(log).anyMatch(line -> line.startsWith("The deploy of build b9 by arn:aws:iam::123456789012:user/ci")
                    && line.endsWith("holds the stage's lease: what this dry run shows may change when it ends."));

            rollback(Optional.empty(), false, true);
            assertThat(live(HTTP)).isEqualTo("1");
            assertThat(log).anyMatch(line -> line.startsWith("Warning: broke the lease of the deploy of build b9"));
            assertThat(s3.listObjectsV2(r -> r.bucket(MotoReleases.BUCKET)).contents())
                    .as("the rollback released it").noneMatch(object -> object.key().equals(StageLease.KEY));
        }
    }
}
