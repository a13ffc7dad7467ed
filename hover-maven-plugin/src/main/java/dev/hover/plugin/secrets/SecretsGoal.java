package dev.hover.plugin.secrets;

import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.plugin.stage.StageSession;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.StageBinding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What {@code hover:secret-encrypt} and {@code hover:secret-decrypt} share: the stage's manifest
 * (only {@code name}, {@code region} and {@code aws-profile} matter here), its credentials, and a
 * KMS client in its region.
 */
public final class SecretsGoal {
    /** One of the two goals' actions. */
    public interface Action {
        void run(StageSecrets secrets) throws IOException;
    }

    private final Path projectDirectory;
    private final Consumer<String> log;

    public SecretsGoal(Path projectDirectory, Consumer<String> log) {
        this.projectDirectory = projectDirectory;
        this.log = log;
    }

    /**
     * @throws SecretsException                 when a secrets file or KMS refuses
     * @throws dev.hover.plugin.aws.AwsException when AWS cannot be reached with these credentials
     */
    public void run(StageSession session, Action action) throws IOException {
        KmsKeys kms = new KmsKeys(session.clients().kms());
        Identity identity = new Identity(session.clients().sts());
        StageKey stageKey = new StageKey(kms, () -> identity.whoAmI().arn());
        action.run(new StageSecrets(projectDirectory.resolve(".hover"),
                new StageBinding(session.manifest().name(), session.manifest().stage()), kms, stageKey, log));
    }
}
