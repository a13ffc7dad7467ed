package dev.hover.maven;

import dev.hover.plugin.stage.ConsolePrompter;
import dev.hover.plugin.stage.Prompter;
import dev.hover.plugin.stage.StageCreator;
import dev.hover.plugin.stage.StageOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Creates a stage: writes {@code .hover/[stage].yml} (commented, valid), {@code .hover/.gitignore}
 * and an empty {@code .hover/[stage]-secrets.plain.env}. Never overwrites an existing stage. In a
 * terminal it asks for what was not given; in batch mode or CI it fails listing what is missing.
 */
@Mojo(name = "stage-new", threadSafe = true)
public class StageNewMojo extends HoverMojo {
    static final String APP = "hover.app";
    static final String REGION = "hover.region";
    static final String STACK_ROLE = "hover.stackRole";
    static final String LAMBDA_ROLE = "hover.lambdaRole";

    /** The application's name; the stage's {@code name} is {@code [app]-[stage]}. */
    @Parameter(property = APP)
    String app;

    /** The AWS region of the stage, e.g. {@code eu-west-1}. */
    @Parameter(property = REGION)
    String region;

    /** ARN of the role CloudFormation assumes ({@code auth.stack-role}). */
    @Parameter(property = STACK_ROLE)
    String stackRole;

    /** ARN of the role the functions assume ({@code auth.lambda-role}). */
    @Parameter(property = LAMBDA_ROLE)
    String lambdaRole;

    @Override
    StageUse stageUse() {
        return StageUse.NEW;
    }

    @Override
    void run() throws IOException {
        Optional<Prompter> prompter = session.getRequest().isInteractiveMode()
                ? ConsolePrompter.ifTerminal()
                : Optional.empty();
        StageOptions options = new StageOptions(text(STAGE, stage).orElse(null), text(APP, app), text(REGION, region),
                profile(), text(STACK_ROLE, stackRole), text(LAMBDA_ROLE, lambdaRole), given(project.getArtifactId()),
                given(System.getenv("AWS_REGION")).or(() -> given(System.getenv("AWS_DEFAULT_REGION"))));
        Path directory = projectDirectory();
        List<Path> written = new StageCreator().create(directory, options, prompter);
        written.forEach(file -> progress().plain("Wrote " + directory.relativize(file)));
        String manifest = written.get(0).getFileName().toString();
        progress().plain("Next: review " + directory.relativize(written.get(0)) + ", then mvn hover:deploy -Dhover.stage="
                + manifest.substring(0, manifest.length() - ".yml".length()));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
