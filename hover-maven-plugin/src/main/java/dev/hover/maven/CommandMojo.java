package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.command.CommandException;
import dev.hover.plugin.command.CommandRunner;
import dev.hover.plugin.stage.StageException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/**
 * Runs a command on the stage's cli function ({@code live} alias) and prints its output on standard
 * output, as the command wrote it; a non-zero exit code fails the build (docs/commands.md).
 */
@Mojo(name = "command", threadSafe = true)
public class CommandMojo extends StageGoalMojo {
    /** The command line, e.g. {@code reports:send --daily}. */
    @Parameter(property = "hover.command")
    String command;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        int exitCode;
        try {
            // standard output, not the log: `mvn -q hover:command … > out.txt` keeps just the command's output
            exitCode = new CommandRunner(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info, System.out)
                    .run(stage, profile(), command);
        } catch (CommandException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            // what no call explained: an endpoint that does not answer, a malformed setting
            throw new MojoFailureException(AwsErrors.explain("run `" + command + "` on stage " + stage, e).getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read the stage's manifest: " + e.getMessage(), e);
        }
        if (exitCode != 0) {
            throw new MojoFailureException("`" + command + "` exited with " + exitCode + " on stage " + stage);
        }
    }
}
