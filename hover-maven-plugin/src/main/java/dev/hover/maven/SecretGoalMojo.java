package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.aws.AwsException;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.secrets.SecretsGoal;
import dev.hover.plugin.stage.StageException;
import dev.hover.secrets.SecretsException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/** The parameters and the error handling {@code hover:secret-encrypt} and {@code hover:secret-decrypt} share. */
abstract class SecretGoalMojo extends AbstractMojo {
    /** The stage, e.g. {@code staging}: its manifest is {@code .hover/<stage>.yml}. */
    @Parameter(property = "hover.stage", required = true)
    String stage;

    /** An AWS profile that wins over the manifest's {@code aws-profile} (credentials in the environment win over both). */
    @Parameter(property = "hover.profile")
    String profile;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** What the goal does with the stage's secrets. */
    abstract SecretsGoal.Action action();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            new SecretsGoal(baseDirectory.toPath(), new CredentialsResolver(), getLog()::info)
                    .run(stage, Optional.ofNullable(profile).filter(p -> !p.isBlank()), action());
        } catch (SecretsException | StageException | ManifestException | AwsException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("could not read or write the stage's secrets files: " + e.getMessage(), e);
        }
    }
}
