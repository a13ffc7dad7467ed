package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.logs.LogTail;
import dev.hover.plugin.logs.LogsException;
import dev.hover.plugin.logs.LogsRequest;
import dev.hover.plugin.logs.Sleeper;
import dev.hover.plugin.stage.StageException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.time.Clock;

/**
 * Prints the CloudWatch log events of the stage's functions on standard output, interleaved by time;
 * {@code -Dhover.follow} keeps printing new ones until interrupted (docs/logs.md).
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends StageGoalMojo {
    /** {@code http}, {@code cli} or a queue function (its key under {@code queue}); all of them when absent. */
    @Parameter(property = "hover.function")
    String function;

    /** How far back: an age ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or an instant ({@code 2026-11-26T09:30:00Z}). */
    @Parameter(property = "hover.since", defaultValue = LogsRequest.DEFAULT_SINCE)
    String since;

    /** A CloudWatch Logs filter pattern, e.g. {@code ERROR} or {@code "payment failed"}. */
    @Parameter(property = "hover.filter")
    String filter;

    /** Keep polling for new events (every 2 s) until interrupted. */
    @Parameter(property = "hover.follow", defaultValue = "false")
    boolean follow;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        LogsRequest request = new LogsRequest(stage, profile(), given(function), since, given(filter), follow);
        try {
            // standard output, not the log: `mvn -q hover:logs … > out.txt` keeps just the log lines
            new LogTail(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info, System.out,
                    Clock.systemUTC(), Sleeper.THREAD).run(request);
        } catch (LogsException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            // what no call explained: an endpoint that does not answer, a malformed setting
            throw new MojoFailureException(AwsErrors.explain("read the logs of stage " + stage, e).getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read the stage's manifest: " + e.getMessage(), e);
        }
    }
}
