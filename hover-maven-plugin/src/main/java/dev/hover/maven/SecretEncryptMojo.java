package dev.hover.maven;

import dev.hover.plugin.secrets.SecretsGoal;
import dev.hover.plugin.secrets.StageSecrets;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Encrypts {@code .hover/[stage]-secrets.plain.env} into {@code .hover/[stage]-secrets.env} with
 * the stage's KMS key (created the first time), then deletes the plain file. Prints key names, never values.
 */
@Mojo(name = "secret-encrypt", threadSafe = true)
public class SecretEncryptMojo extends SecretGoalMojo {
    @Override
    SecretsGoal.Action action() {
        return StageSecrets::encrypt;
    }
}
