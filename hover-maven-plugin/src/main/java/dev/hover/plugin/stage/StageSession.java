package dev.hover.plugin.stage;

import dev.hover.model.StageManifest;
import dev.hover.model.validation.ManifestRules;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.CredentialSource;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.network.Proxies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a goal that talks to an existing stage starts from: the stage's manifest
 * ({@code .hover/<stage>.yml}), the credentials it resolves to, and AWS clients in its region.
 * Closing it closes the clients.
 */
public final class StageSession implements AutoCloseable {
    private final StageManifest manifest;
    private final String manifestLocation;
    private final CredentialSource credentials;
    private final AwsClients clients;

    private StageSession(StageManifest manifest, String manifestLocation, CredentialSource credentials, Proxies proxies) {
        this.manifest = manifest;
        this.manifestLocation = manifestLocation;
        this.credentials = credentials;
        this.clients = new AwsClients(manifest.region(), credentials.provider(), proxies);
    }

    /**
     * @param profile {@code -Dhover.profile}, which wins over the manifest's {@code aws-profile}
     * @param proxies the proxies of Maven's settings, which every AWS call of the session goes through
     * @param log     gets one line naming the stage, its region and where the credentials come from
     * @throws StageException                               when the stage name is not one or it has no manifest
     * @throws dev.hover.model.validation.ManifestException when the manifest has problems
     * @throws dev.hover.plugin.aws.AwsException             when the named profile does not exist
     */
    public static StageSession open(Path projectDirectory, String stage, Optional<String> profile,
                                    CredentialsResolver resolver, Proxies proxies, Consumer<String> log)
            throws IOException {
        StageManifest manifest = readManifest(projectDirectory, stage, log);
        StageFiles files = new StageFiles(projectDirectory, stage);
        String location = files.display(files.manifest());
        CredentialSource credentials = resolver.resolve(profile, manifest.awsProfile(), location);
        log.accept("Stage " + stage + " (" + manifest.name() + ") in " + manifest.region() + " with credentials from "
                + credentials.description());
        return new StageSession(manifest, location, credentials, proxies);
    }

    /**
     * Reads and validates the stage's manifest; problems name it as {@code .hover/<stage>.yml}.
     *
     * @param warnings gets each warning about the manifest (an original Hover key that has no effect)
     * @throws StageException                               when the stage name is not one or it has no manifest
     * @throws dev.hover.model.validation.ManifestException when the manifest has problems
     */
    public static StageManifest readManifest(Path projectDirectory, String stage, Consumer<String> warnings)
            throws IOException {
        ManifestRules.STAGE.check(stage).ifPresent(problem -> {
            throw new StageException("hover.stage: " + problem);
        });
        StageFiles files = new StageFiles(projectDirectory, stage);
        String location = files.display(files.manifest());
        if (!Files.isRegularFile(files.manifest())) {
            throw new StageException("there is no stage '" + stage + "': " + location
                    + " does not exist; create it with mvn hover:stage-new -Dhover.stage=" + stage);
        }
        return new ManifestReader(warnings).read(Files.readString(files.manifest()), location, stage);
    }

    public StageManifest manifest() {
        return manifest;
    }

    /** {@code .hover/<stage>.yml}, as messages name it. */
    public String manifestLocation() {
        return manifestLocation;
    }

    public CredentialSource credentials() {
        return credentials;
    }

    public AwsClients clients() {
        return clients;
    }

    @Override
    public void close() {
        clients.close();
    }
}
