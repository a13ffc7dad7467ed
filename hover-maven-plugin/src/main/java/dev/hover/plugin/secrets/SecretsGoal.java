package dev.hover.plugin.secrets;

import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.plugin.stage.StageSession;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.StageBinding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
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
    private final CredentialsResolver credentials;
    private final Consumer<String> log;

    public SecretsGoal(Path projectDirectory, CredentialsResolver credentials, Consumer<String> log) {
        this.projectDirectory = projectDirectory;
        this.credentials = credentials;
        this.log = log;
    }

    /**
     * @param profile {@code -Dhover.profile}, which wins over the manifest's {@code aws-profile}
     * @throws dev.hover.plugin.stage.StageException        when there is no such stage
     * @throws dev.hover.model.validation.ManifestException when the manifest has problems
     * @throws SecretsException                             when a secrets file or KMS refuses
     * @throws dev.hover.plugin.aws.AwsException             when AWS cannot be reached with these credentials
     */
    public void run(String stage, Optional<String> profile, Action action) throws IOException {
        try (StageSession session = StageSession.open(projectDirectory, stage, profile, credentials, log)) {
            KmsKeys kms = new KmsKeys(session.clients().kms());
            Identity identity = new Identity(session.clients().sts());
            StageKey stageKey = new StageKey(kms, () -> identity.whoAmI().arn());
            action.run(new StageSecrets(projectDirectory.resolve(".hover"),
                    new StageBinding(session.manifest().name(), stage), kms, stageKey, log));
        }
    }
}
