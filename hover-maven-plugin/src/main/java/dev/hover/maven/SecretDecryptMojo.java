package dev.hover.maven;

import dev.hover.plugin.secrets.SecretsGoal;
import dev.hover.plugin.secrets.StageSecrets;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Decrypts {@code .hover/[stage]-secrets.env} into {@code .hover/[stage]-secrets.plain.env},
 * readable by its owner only and ignored by git, for editing. Prints key names, never values.
 */
@Mojo(name = "secret-decrypt", threadSafe = true)
public class SecretDecryptMojo extends SecretGoalMojo {
    @Override
    SecretsGoal.Action action() {
        return StageSecrets::decrypt;
    }
}
