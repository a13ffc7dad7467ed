package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.lease.LeaseException;
import dev.hover.plugin.lease.StageLease;
import dev.hover.template.StackOutputs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The release of one stage, step by step (docs/deploy.md): repository, image, bucket, assets,
 * stack, versions, warming, deploy commands, and last the {@code live} aliases. Any failure
 * before the last step leaves {@code live} where it was.
 */
public final class Deployer {
    /**
     * How long the new versions may stay Pending. A SnapStart snapshot's init may take longer than
     * a normal init (AWS names 130 s or the function's timeout, whichever is higher, for its hooks);
     * the cli function's timeout can be 15 minutes.
     */
    static final Duration VERSIONS_READY_TIMEOUT = Duration.ofMinutes(20);

    private final StageAws aws;
    private final ImagePublisher images;
    private final TemplateSource templates;
    private final Progress progress;
    private final Clock clock;

    public Deployer(StageAws aws, ImagePublisher images, TemplateSource templates, Progress progress, Clock clock) {
        this.aws = aws;
        this.images = images;
        this.templates = templates;
        this.progress = progress;
        this.clock = clock;
    }

    public DeploySummary deploy(DeployRequest request, String credentialsDescription) {
        Instant start = clock.instant();
        StageManifest manifest = request.manifest();
        BuildDescriptor build = request.build();
        boolean dryRun = request.dryRun();
        Steps steps = new Steps(progress, clock);
        progress.plain((dryRun ? "Dry run of the deploy of " : "Deploying ") + "stage " + manifest.stage()
                + " (" + manifest.name() + ", " + aws.region() + "), build " + build.buildId());

        Identity.Caller caller = steps.run("AWS identity", c -> {
            Identity.Caller who = aws.identity().whoAmI();
            return Steps.Outcome.of(who, who.arn() + " via " + credentialsDescription);
        });
        // the lease lives in the bucket: a first deploy makes the bucket before it can take the lease
        boolean bucketExists = steps.run("Assets bucket", c -> new BucketStep(aws.bucket(), aws.region()).run(dryRun));
        if (dryRun) {
            steps.run("Lease", c -> Steps.Outcome.of(null, !bucketExists ? "no bucket yet: nobody holds the lease"
                    : StageLease.holder(aws.bucket(), clock)
                    .map(holder -> "held by the " + holder.describe() + ": what this dry run shows may change when it ends")
                    .orElse("free (a dry run does not take it)")));
            return changes(request, start, steps, bucketExists);
        }
        StageLease.Claim claim = new StageLease.Claim(manifest.stage(), "deploy", Optional.of(build.buildId()),
                caller.arn(), StageLease.localUser(), "deploy again");
        StageLease lease;
        try {
            lease = steps.run("Lease", c -> {
                StageLease taken = StageLease.take(aws.bucket(), claim, request.breakLease(), clock, c::warn);
                return Steps.Outcome.of(taken, StageLease.location(aws.bucket()) + ", lapses "
                        + StageLease.TTL.toMinutes() + " min after its last renewal");
            });
        } catch (LeaseException e) {
            throw new DeployException(e.getMessage(), e);
        }
        try {
            steps.beforeEachStep(lease::confirmHeld);
            return changes(request, start, steps, true);
        } catch (LeaseException e) {
            throw new DeployException(e.getMessage() + " This deploy released nothing.", e);
        } finally {
            lease.close();
        }
    }

    /** Everything after the lease: the steps that change the stage (or, in a dry run, show how they would). */
    private DeploySummary changes(DeployRequest request, Instant start, Steps steps, boolean bucketExists) {
        StageManifest manifest = request.manifest();
        BuildDescriptor build = request.build();
        boolean dryRun = request.dryRun();
        Names names = Names.of(manifest);
        List<String> functions = StageFunctions.of(manifest);
        CurrentRelease current = steps.run("Current release", c -> {
            Optional<StackState> stack = StackStep.currentState(aws.stacks(), manifest);
            LiveRelease found = LiveRelease.read(aws.functions(), functions);
            return Steps.Outcome.of(new CurrentRelease(found, stack), "stack " + stack.map(StackState::status).orElse("not created yet")
                    + "; " + (found.versions().isEmpty() ? "nothing live yet"
                    : "live: build " + found.buildId().orElse("unknown") + " (" + versionList(found.versions()) + ")"));
        });
        LiveRelease live = current.live();
        if (live.hasTheInputsOf(build, functions)) {
            // a build made again elsewhere (a fresh CI runner, mvn clean without Hover's cache) under a new id
            String liveBuild = live.buildId().orElseThrow();
            progress.line("live already runs build " + liveBuild + (liveBuild.equals(build.buildId()) ? ""
                    : ", made from the same inputs as build " + build.buildId()) + ": nothing to deploy"
                    + (dryRun ? "" : " (no image pushed, stack left alone, no version published, deploy commands not run)"));
            Map<String, String> outputs = current.stack().map(StackState::outputs).orElse(Map.of());
            return summary(request, liveBuild, start, steps, false, live.versions(), new StackStep.Result(List.of(), outputs),
                    Optional.empty());
        }
        ImageDestination destination = steps.run("Image repository",
                c -> new RepositoryStep(aws.repositories(), aws.region()).run(manifest, dryRun));
        String image = steps.run("Image", c -> {
            if (dryRun) {
                String reference = destination.repository() + "@" + build.output().digest();
                return Steps.Outcome.of(reference, "would push " + reference);
            }
            ImagePublisher.PublishedImage published = images.publish(build, destination);
            return Steps.Outcome.of(published.reference(), published.reference() + " (" + published.layersPushed() + " layer(s) pushed)");
        });
        steps.run("Assets", c -> new AssetsStep(aws.bucket(), names).run(
                Optional.ofNullable(build.assets().directory()).map(Path::of), build.buildId(), live.buildId(), bucketExists, dryRun));
        StackStep.Result stack = steps.run("Stack " + names.stack(), c -> new StackStep(aws.stacks(), aws.bucket(), clock, request.stackTimeout()).run(
                manifest, templates.render(manifest, image, build.buildId()), build.buildId(), dryRun, c));
        if (dryRun) {
            return summary(request, build.buildId(), start, steps, false, Map.of(), stack, Optional.of(image));
        }

        Map<String, String> versions = steps.run("Publish versions",
                c -> new PublishStep(aws.functions()).run(functions, build, live, c));
        if (versions.equals(live.versions())) {
            progress.line("live already runs these versions: nothing to release (deploy commands not run)");
            return summary(request, build.buildId(), start, steps, false, versions, stack, Optional.of(image));
        }
        steps.run("Versions ready", c -> new VersionsReadyStep(aws.functions(), clock, StageAws.VERSION_POLL_INTERVAL,
                VERSIONS_READY_TIMEOUT).run(versions, live, StageFunctions.withSnapStart(manifest), c));
        steps.run("Warm http", c -> new WarmStep(aws.functions()).run(manifest, names.httpFunction(), versions.get(names.httpFunction())));
        steps.run("Deploy commands", c -> new DeployCommandsStep(aws.functions())
                .run(manifest.deployCommands(), names.cliFunction(), versions.get(names.cliFunction()), c));
        steps.run("Release", c -> new ReleaseStep(aws.functions()).run(versions, c));
        return summary(request, build.buildId(), start, steps, true, versions, stack, Optional.of(image));
    }

    /** What is live before the deploy, and the stack as it is then. */
    private record CurrentRelease(LiveRelease live, Optional<StackState> stack) {
    }

    /** @param buildId the build live runs after the deploy (or would, in a dry run) */
    private DeploySummary summary(DeployRequest request, String buildId, Instant start, Steps steps, boolean released,
                                  Map<String, String> versions, StackStep.Result stack, Optional<String> image) {
        StageManifest manifest = request.manifest();
        return new DeploySummary(buildId, manifest.stage(), Names.of(manifest).stack(), aws.region(),
                request.dryRun(), released,
                Optional.ofNullable(stack.outputs().get(StackOutputs.URL)),
                Optional.ofNullable(stack.outputs().get(StackOutputs.CDN_DOMAIN)),
                Optional.ofNullable(stack.outputs().get(StackOutputs.API_URL)),
                image, versions, stack.changes(), steps.timings(), Duration.between(start, clock.instant()));
    }

    private static String versionList(Map<String, String> versions) {
        return versions.entrySet().stream().map(e -> e.getKey() + " v" + e.getValue()).collect(Collectors.joining(", "));
    }
}
