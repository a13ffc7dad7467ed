package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.deploy.BuildFreshness;
import dev.hover.plugin.deploy.Console;
import dev.hover.plugin.deploy.DeployException;
import dev.hover.plugin.deploy.DeployService;
import dev.hover.plugin.deploy.DeploySummary;
import dev.hover.plugin.deploy.JibImagePublisher;
import dev.hover.plugin.deploy.SummaryFormat;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuildDescriptorCodec;
import dev.hover.plugin.image.ImageBuildException;
import dev.hover.plugin.image.ImageBuildService;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Releases the project to a stage (docs/deploy.md): builds the stage's image and assets when the
 * recorded build is missing or stale, then repository, image push, bucket, assets, stack, versions,
 * warming, deploy commands and the {@code live} aliases.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DeployMojo extends StageImageMojo {
    /** Show what would change (the change set, the assets, the repository and bucket) and change nothing. */
    @Parameter(property = "hover.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The AWS profile to use instead of the manifest's {@code aws-profile}; credentials in the environment still win. */
    @Parameter(property = "hover.profile")
    private String profile;

    /** {@code text}, or {@code json}: the summary as one JSON document on standard output, for CI. */
    @Parameter(property = "hover.output", defaultValue = "text")
    private String output;

    /** Minutes to follow the stack before giving up on it (CloudFormation goes on). */
    @Parameter(property = "hover.stackTimeout", defaultValue = "60")
    private int stackTimeout;

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = "hover.breakLease", defaultValue = "false")
    private boolean breakLease;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!stageGiven("hover:deploy", "nothing deployed (mvn deploy -Dhover.stage=<stage> deploys one)")) {
            return;
        }
        boolean json = switch (output) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new MojoFailureException("hover.output is '" + output + "'; it takes text or json");
        };
        if (stackTimeout < 1) {
            throw new MojoFailureException("hover.stackTimeout is " + stackTimeout + "; it takes a number of minutes, 1 or more");
        }
        ProjectImageBuild projectBuild = projectBuild();
        StageManifest manifest = projectBuild.readManifest(stage);
        try {
            BuildDescriptor build = currentBuild(projectBuild, manifest);
            DeploySummary summary = new DeployService().deploy(manifest, ".hover/" + stage + ".yml", build,
                    new JibImagePublisher(projectBuild.layersCache(), allowInsecureRegistries, new MavenBuildLog(getLog())),
                    new DeployService.Options(Optional.ofNullable(profile).filter(p -> !p.isBlank()), dryRun,
                            Duration.ofMinutes(stackTimeout), breakLease),
                    new Console(getLog()::info, Console.terminalSupportsAnsi()));
            report(summary, json, projectBuild.buildDirectory(stage));
        } catch (DeployException | AwsException | ImageBuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            // what no step explained: an endpoint that does not answer, a malformed setting
            throw new MojoFailureException(AwsErrors.explain("deploy the stage " + stage, e).getMessage(), e);
        }
    }

    /** The recorded build when it is still what the project would build, else a new one. */
    private BuildDescriptor currentBuild(ProjectImageBuild projectBuild, StageManifest manifest)
            throws MojoExecutionException {
        Path descriptor = projectBuild.buildDirectory(stage).resolve(BuildDescriptor.FILE_NAME);
        if (Files.isRegularFile(descriptor)) {
            BuildDescriptor recorded = BuildDescriptorCodec.read(descriptor);
            Optional<String> stale = BuildFreshness.staleness(recorded, projectBuild.manifestFile(stage),
                    ImageBuildService.secretsFile(projectBuild.projectDirectory(), stage));
            if (stale.isEmpty()) {
                getLog().info("Deploying build " + recorded.buildId() + " (" + descriptor + ")");
                return recorded;
            }
            getLog().info("Building stage " + stage + " again: " + stale.get());
        } else {
            getLog().info("No build of stage " + stage + " yet (" + descriptor + "): building it");
        }
        return projectBuild.build(manifest, projectBuild.tarTarget(manifest), javaExecutable(), allowInsecureRegistries,
                        excludes())
                .descriptor();
    }

    private void report(DeploySummary summary, boolean json, Path buildDirectory) throws MojoExecutionException {
        if (!json) {
            SummaryFormat.text(summary).forEach(getLog()::info);
            return;
        }
        String document = SummaryFormat.json(summary);
        // standard output, not the log: `mvn -q … -Dhover.output=json > deploy.json` keeps just the document
        System.out.println(document);
        Path file = buildDirectory.resolve("deploy.json");
        try {
            Files.createDirectories(buildDirectory);
            Files.writeString(file, document + "\n");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
