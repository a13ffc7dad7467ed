package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsErrors;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.rollback.RollbackException;
import dev.hover.plugin.rollback.RollbackService;
import dev.hover.plugin.stage.StageException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/**
 * Moves the stage's {@code live} aliases back to the versions of the build released before the live one,
 * or of {@code hover.build} (docs/rollback.md).
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends StageGoalMojo {
    /** The build to roll to, e.g. {@code 20261126T174500Z-3f9a2c}; by default the one before the live build. */
    @Parameter(property = "hover.build")
    String build;

    /** Print what would move, and move nothing. */
    @Parameter(property = "hover.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = "hover.breakLease", defaultValue = "false")
    boolean breakLease;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            new RollbackService(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info)
                    .rollback(stage, profile(), given(build), dryRun, breakLease);
        } catch (RollbackException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (SdkException e) {
            // what no call explained: an endpoint that does not answer, a malformed setting
            throw new MojoFailureException(AwsErrors.explain("roll back stage " + stage, e).getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read the stage's manifest: " + e.getMessage(), e);
        }
    }
}
