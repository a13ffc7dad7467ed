package dev.hover.plugin.secrets;

import dev.hover.model.StageManifest;
import dev.hover.model.validation.ManifestRules;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.CredentialSource;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.aws.Identity;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.SecretsException.Reason;
import dev.hover.secrets.StageBinding;

import java.io.IOException;
import java.nio.file.Files;
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
     * @throws dev.hover.model.validation.ManifestException when the manifest has problems
     * @throws SecretsException                             when a secrets file or KMS refuses
     * @throws dev.hover.plugin.aws.AwsException             when AWS cannot be reached with these credentials
     */
    public void run(String stage, Optional<String> profile, Action action) throws IOException {
        ManifestRules.STAGE.check(stage).ifPresent(problem -> {
            throw new SecretsException(Reason.OTHER, "hover.stage: " + problem);
        });
        String display = ".hover/" + stage + ".yml";
        Path manifestFile = projectDirectory.resolve(display);
        if (!Files.isRegularFile(manifestFile)) {
            throw new SecretsException(Reason.OTHER, "there is no stage '" + stage + "': " + display
                    + " does not exist; create it with mvn hover:stage-new -Dhover.stage=" + stage);
        }
        StageManifest manifest = new ManifestReader().read(Files.readString(manifestFile), display, stage);
        CredentialSource source = credentials.resolve(profile, manifest.awsProfile(), display);
        log.accept("Stage " + stage + " (" + manifest.name() + ") in " + manifest.region() + " with credentials from "
                + source.description());
        try (AwsClients clients = new AwsClients(manifest.region(), source.provider())) {
            KmsKeys kms = new KmsKeys(clients.kms());
            Identity identity = new Identity(clients.sts());
            StageKey stageKey = new StageKey(kms, () -> identity.whoAmI().arn());
            action.run(new StageSecrets(projectDirectory.resolve(".hover"), new StageBinding(manifest.name(), stage),
                    kms, stageKey, log));
        }
    }
}
