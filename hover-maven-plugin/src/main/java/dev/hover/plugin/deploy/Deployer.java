package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.StackState;
import dev.hover.plugin.image.BuildDescriptor;
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
    private final StageAws aws;
    private final ImagePublisher images;
    private final TemplateSource templates;
    private final Console console;
    private final Clock clock;

    public Deployer(StageAws aws, ImagePublisher images, TemplateSource templates, Console console, Clock clock) {
        this.aws = aws;
        this.images = images;
        this.templates = templates;
        this.console = console;
        this.clock = clock;
    }

    public DeploySummary deploy(DeployRequest request, String credentialsDescription) {
        Instant start = clock.instant();
        StageManifest manifest = request.manifest();
        BuildDescriptor build = request.build();
        boolean dryRun = request.dryRun();
        Names names = Names.of(manifest);
        List<String> functions = StageFunctions.of(manifest);
        Steps steps = new Steps(console, clock);
        console.plain((dryRun ? "Dry run of the deploy of " : "Deploying ") + "stage " + manifest.stage()
                + " (" + manifest.name() + ", " + aws.region() + "), build " + build.buildId());

        steps.run("AWS identity", c -> {
            Identity.Caller caller = aws.identity().whoAmI();
            return Steps.Outcome.of(caller, caller.arn() + " via " + credentialsDescription);
        });
        LiveRelease live = steps.run("Current release", c -> {
            String stack = StackStep.currentState(aws.stacks(), manifest).map(StackState::status).orElse("not created yet");
            LiveRelease found = LiveRelease.read(aws.functions(), functions);
            return Steps.Outcome.of(found, "stack " + stack + "; " + (found.versions().isEmpty() ? "nothing live yet"
                    : "live: build " + found.buildId().orElse("unknown") + " (" + versionList(found.versions()) + ")"));
        });
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
        boolean bucketExists = steps.run("Assets bucket", c -> new BucketStep(aws.bucket(), aws.region()).run(dryRun));
        steps.run("Assets", c -> new AssetsStep(aws.bucket(), names).run(
                Optional.ofNullable(build.assets().directory()).map(Path::of), build.buildId(), live.buildId(), bucketExists, dryRun));
        StackStep.Result stack = steps.run("Stack " + names.stack(), c -> new StackStep(aws.stacks(), aws.bucket(), clock, request.stackTimeout()).run(
                manifest, templates.render(manifest, image, build.buildId()), build.buildId(), dryRun, c));
        if (dryRun) {
            return summary(request, start, steps, false, Map.of(), stack, image);
        }

        Map<String, String> versions = steps.run("Publish versions",
                c -> new PublishStep(aws.functions()).run(functions, build.buildId(), live, c));
        if (versions.equals(live.versions())) {
            console.line("live already runs these versions: nothing to release (deploy commands not run)");
            return summary(request, start, steps, false, versions, stack, image);
        }
        steps.run("Warm http", c -> new WarmStep(aws.functions()).run(manifest, names.httpFunction(), versions.get(names.httpFunction())));
        steps.run("Deploy commands", c -> new DeployCommandsStep(aws.functions())
                .run(manifest.deployCommands(), names.cliFunction(), versions.get(names.cliFunction()), c));
        steps.run("Release", c -> new ReleaseStep(aws.functions()).run(versions, c));
        return summary(request, start, steps, true, versions, stack, image);
    }

    private DeploySummary summary(DeployRequest request, Instant start, Steps steps, boolean released,
                                  Map<String, String> versions, StackStep.Result stack, String image) {
        StageManifest manifest = request.manifest();
        return new DeploySummary(request.build().buildId(), manifest.stage(), Names.of(manifest).stack(), aws.region(),
                request.dryRun(), released,
                Optional.ofNullable(stack.outputs().get(StackOutputs.URL)),
                Optional.ofNullable(stack.outputs().get(StackOutputs.CDN_DOMAIN)),
                Optional.ofNullable(stack.outputs().get(StackOutputs.API_URL)),
                Optional.of(image), versions, stack.changes(), steps.timings(), Duration.between(start, clock.instant()));
    }

    private static String versionList(Map<String, String> versions) {
        return versions.entrySet().stream().map(e -> e.getKey() + " v" + e.getValue()).collect(Collectors.joining(", "));
    }
}
