package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.secrets.SecretsGoal;
import dev.hover.plugin.stage.StageException;
import dev.hover.secrets.SecretsException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import java.io.IOException;

/** The parameters and the error handling {@code hover:secret-encrypt} and {@code hover:secret-decrypt} share. */
abstract class SecretGoalMojo extends StageGoalMojo {
    /** What the goal does with the stage's secrets. */
    abstract SecretsGoal.Action action();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            new SecretsGoal(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info)
                    .run(stage, profile(), action());
        } catch (SecretsException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read or write the stage's secrets files: " + e.getMessage(), e);
        }
    }
}
