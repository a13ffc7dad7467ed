package dev.hover.plugin.deploy;

import dev.hover.plugin.network.NetworkSettings;
import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.lease.StageLease;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One deploy of a stage at a time: the lease against moto's S3, raced, lapsed and broken. */
class DeployLeaseMotoTest extends MotoDeployTest {
    /** One deploy of the race below: its build, what it printed, and how it ended. */
    private record Racer(String buildId, List<String> lines, DeploySummary summary, Throwable failure) {
    }

    @Test
    void twoDeploysStartedTogetherOneProceedsTheOtherFailsFastNamingTheHolder() {
        StageManifest manifest = SampleStage.manifest();
        String caller = clients.sts().getCallerIdentity().arn();
        for (int round = 1; round <= 5; round++) {
            answerWarmerAndCommands();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Racer>> racers = new ArrayList<>();
            for (String side : List.of("a", "b")) {
                String buildId = "r" + round + side;
                BuildDescriptor build = newImage(buildId);
                ImagePublisher images = new JibImagePublisher(dir.resolve("cache-" + side), true, NetworkSettings.none(),
                        new ConsoleBuildLog(new ArrayList<>()));
                racers.add(CompletableFuture.supplyAsync(() -> {
                    List<String> lines = new CopyOnWriteArrayList<>();
                    try {
                        start.await();
                        return new Racer(buildId, lines, deploy(new DeployRequest(manifest, build, false, STACK_TIMEOUT, false),
                                new SampleStageTemplate(), images, Clock.systemUTC(), lines), null);
                    } catch (Exception e) {
                        return new Racer(buildId, lines, null, e);
                    }
                }, Executors.newSingleThreadExecutor()));
            }
            List<Racer> ended = racers.stream().map(CompletableFuture::join).toList();

            List<Racer> released = ended.stream().filter(r -> r.summary() != null && r.summary().released()).toList();
            assertThat(released).as("round %d: exactly one deploy proceeds (%s)", round, ended).hasSize(1);
            Racer winner = released.get(0);
            Racer loser = ended.stream().filter(r -> r != winner).findFirst().orElseThrow();
            assertThat(loser.failure()).as("round %d", round).isInstanceOf(DeployException.class)
                    .hasMessageContaining("The stage dev is being changed right now: the deploy of build " + winner.buildId()
                            + " by " + caller)
                    .hasMessageContaining("s3://" + NAMES.assetsBucket() + "/" + StageLease.KEY)
                    .hasMessageContaining("-Dhover.breakLease");
            // it failed at the lease: it read, pushed, uploaded and changed nothing
            assertThat(loser.lines()).noneMatch(line -> line.contains("==> Current release") || line.contains("==> Image"));
            assertThat(SummaryFormat.text(winner.summary())).first().asString().startsWith("Released");
            // what printed Released. is what live points at, on every function
            liveVersions(manifest).forEach((fn, version) -> assertThat(clients.lambda()
                    .getFunctionConfiguration(r -> r.functionName(fn).qualifier(version)).description())
                    .isEqualTo("hover build " + winner.buildId()));
            assertThat(clients.s3().listObjectsV2(r -> r.bucket(NAMES.assetsBucket()).prefix("hover/")).contents())
                    .as("the lease is released").isEmpty();
        }
    }

    /** A build in a directory of its own: its own class file, so an image no earlier build has. */
    private BuildDescriptor newImage(String buildId) {
        return SampleStage.build(dir.resolve(buildId), buildId, baseImage);
    }

    /** A lease as a deploy killed after taking it leaves it: nobody releases it, and its renewals stop with the process. */
    private StageLease leaseOfAKilledDeploy(StageManifest manifest, List<String> itsWarnings) {
        return StageLease.take(StageAws.of(clients, manifest).bucket(), new StageLease.Claim("dev", "deploy", Optional.of("b2"),
                "arn:aws:iam::123456789012:user/ci", "ci@runner-7", "deploy again"), false, Clock.systemUTC(), itsWarnings::add);
    }

    @Test
    void aKilledDeploysLeaseLapsesAfterItsTimeToLive() {
        StageManifest manifest = SampleStage.manifest();
        releaseFirstBuild(manifest);
        StageLease killed = leaseOfAKilledDeploy(manifest, new ArrayList<>());
        try {
            answerWarmerAndCommands();
            assertThatThrownBy(() -> deploy(manifest, newImage("b3")))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("the deploy of build b2 by arn:aws:iam::123456789012:user/ci (ci@runner-7) since")
                    .hasMessageContaining("its lease lapses by itself at " + killed.record().expires());

            Clock afterItLapsed = Clock.offset(Clock.systemUTC(), StageLease.TTL.plusSeconds(1));
            output.clear();
            DeploySummary summary = deploy(new DeployRequest(manifest, newImage("b3"), false, STACK_TIMEOUT, false),
                    new SampleStageTemplate(), new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)),
                    afterItLapsed, output);

            assertThat(summary.released()).isTrue();
            assertThat(output).anyMatch(line -> line.contains("warning: took over the lapsed lease of the deploy of build b2 by "
                    + "arn:aws:iam::123456789012:user/ci (ci@runner-7)"));
        } finally {
            killed.close();
        }
    }

    @Test
    void aLeaseThatHasNotLapsedIsBrokenOnRequestAndADryRunNamesItsHolder() {
        StageManifest manifest = SampleStage.manifest();
        releaseFirstBuild(manifest);
        List<String> killedWarnings = new ArrayList<>();
        StageLease killed = leaseOfAKilledDeploy(manifest, killedWarnings);

        deploy(manifest, newImage("b3"), true, new SampleStageTemplate());
        assertThat(output).anyMatch(line -> line.contains("done Lease: held by the deploy of build b2 by "
                + "arn:aws:iam::123456789012:user/ci (ci@runner-7)") && line.contains("what this dry run shows may change"));

        answerWarmerAndCommands();
        output.clear();
        DeploySummary summary = deploy(new DeployRequest(manifest, newImage("b3"), false, STACK_TIMEOUT, true),
                new SampleStageTemplate(), new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)),
                Clock.systemUTC(), output);

        assertThat(summary.released()).isTrue();
        assertThat(output).anyMatch(line -> line.contains("warning: broke the lease of the deploy of build b2 by "
                + "arn:aws:iam::123456789012:user/ci (ci@runner-7)") && line.contains("-Dhover.breakLease"));
        // the broken holder, were it still running, would not release (or delete) a lease that is no longer its own
        killed.close();
        assertThat(killedWarnings).singleElement().asString().contains("was not released: it had been taken over");
    }
}
