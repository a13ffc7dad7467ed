package dev.hover.maven;

import dev.hover.plugin.stage.ConsolePrompter;
import dev.hover.plugin.stage.Prompter;
import dev.hover.plugin.stage.StageCreator;
import dev.hover.plugin.stage.StageException;
import dev.hover.plugin.stage.StageOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a stage: writes {@code .hover/<stage>.yml} (commented, valid), {@code .hover/.gitignore}
 * and an empty {@code .hover/<stage>-secrets.plain.env}. Never overwrites an existing stage. In a
 * terminal it asks for what was not given; in batch mode or CI it fails listing what is missing.
 */
@Mojo(name = "stage-new", threadSafe = true)
public class StageNewMojo extends AbstractMojo {

    /** The stage to create, e.g. {@code staging}: lowercase letters, digits and hyphens. */
    @Parameter(property = "hover.stage")
    private String stage;

    /** The application's name; the stage's {@code name} is {@code <app>-<stage>}. */
    @Parameter(property = "hover.app")
    private String app;

    /** The AWS region of the stage, e.g. {@code eu-west-1}. */
    @Parameter(property = "hover.region")
    private String region;

    /** The AWS profile to deploy with, when credentials do not come from the environment. */
    @Parameter(property = "hover.profile")
    private String profile;

    /** ARN of the role CloudFormation assumes ({@code auth.stack-role}). */
    @Parameter(property = "hover.stackRole")
    private String stackRole;

    /** ARN of the role the functions assume ({@code auth.lambda-role}). */
    @Parameter(property = "hover.lambdaRole")
    private String lambdaRole;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    @Parameter(defaultValue = "${project.artifactId}", readonly = true)
    private String artifactId;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<Prompter> prompter = session.getRequest().isInteractiveMode()
                ? ConsolePrompter.ifTerminal()
                : Optional.empty();
        StageOptions options = new StageOptions(stage, given(app), given(region), given(profile), given(stackRole),
                given(lambdaRole), given(artifactId),
                given(System.getenv("AWS_REGION")).or(() -> given(System.getenv("AWS_DEFAULT_REGION"))));
        Path project = baseDirectory.toPath();
        try {
            List<Path> written = new StageCreator().create(project, options, prompter);
            written.forEach(file -> getLog().info("Wrote " + project.relativize(file)));
            getLog().info("Next: review " + project.relativize(written.get(0)) + ", then mvn hover:deploy -Dhover.stage="
                    + stage.strip());
        } catch (StageException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write the stage's files: " + e.getMessage(), e);
        }
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
