package dev.hover.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.StageManifest;
import dev.hover.plugin.deploy.DeployService;
import dev.hover.plugin.deploy.DeploySummary;
import dev.hover.plugin.deploy.JibImagePublisher;
import dev.hover.plugin.deploy.SummaryFormat;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Releases the project to a stage (docs/deploy.md): builds the stage's image and assets when the
 * recorded build is missing or stale, then repository, image push, bucket, assets, stack, versions,
 * warming, deploy commands and the {@code live} aliases.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DeployMojo extends StageImageMojo {
    static final String STACK_TIMEOUT = "hover.stackTimeout";

    /** Show what would change (the change set, the assets, the repository and bucket) and change nothing. */
    @Parameter(property = DRY_RUN, defaultValue = "false")
    boolean dryRun;

    /** Minutes to follow the stack before giving up on it (CloudFormation goes on). */
    @Parameter(property = STACK_TIMEOUT, defaultValue = "60")
    int stackTimeout;

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = LeaseGoalMojo.BREAK_LEASE, defaultValue = "false")
    boolean breakLease;

    @Override
    void run() throws IOException, MojoExecutionException {
        int minutes = number(STACK_TIMEOUT, stackTimeout);
        if (minutes < 1) {
            throw new ParameterException("-D" + STACK_TIMEOUT + " is " + minutes + "; it takes a number of minutes, 1 or more");
        }
        boolean dry = flag(DRY_RUN, dryRun);
        network().requireOnline(goal() + (dry ? " calls AWS" : " calls AWS and pushes the image"));
        ProjectImageBuild projectBuild = projectBuild();
        StageManifest manifest = readManifest();
        BuildDescriptor build = currentBuild(projectBuild, manifest, "Deploying");
        DeploySummary summary;
        try (StageSession session = openStage()) {
            summary = new DeployService().deploy(session, build,
                    new JibImagePublisher(projectBuild.layersCache(), allowInsecureRegistries(), network(), progress()),
                    new DeployService.Options(dry, Duration.ofMinutes(minutes), flag(LeaseGoalMojo.BREAK_LEASE, breakLease)),
                    progress());
        }
        report(summary, projectBuild.buildDirectory(stage()));
    }

    /** The summary: on the console, as the JSON outcome's result, and in {@code target/hover/[stage]/deploy.json}. */
    private void report(DeploySummary summary, Path buildDirectory) throws IOException {
        SummaryFormat.text(summary).forEach(progress()::plain);
        String document = SummaryFormat.json(summary);
        result(new ObjectMapper().readTree(document));
        Files.createDirectories(buildDirectory);
        Files.writeString(buildDirectory.resolve("deploy.json"), document + "\n");
    }
}
