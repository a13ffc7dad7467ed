package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.queue.FailedJobsService;
import dev.hover.plugin.queue.QueueGoalException;
import dev.hover.plugin.stage.StageException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/** A goal on the stage's failed-jobs record (docs/jobs-and-commands.md): the service, and its failures as build failures. */
abstract class QueueGoalMojo extends StageGoalMojo {

    /** What the goal does with the record, e.g. "list the failed jobs" for messages. */
    abstract String action();

    abstract void run(FailedJobsService service) throws IOException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            run(new FailedJobsService(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info));
        } catch (QueueGoalException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            // what no call explained: an endpoint that does not answer, a malformed setting
            throw new MojoFailureException(AwsErrors.explain(action() + " of stage " + stage, e).getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read the stage's manifest: " + e.getMessage(), e);
        }
    }
}
