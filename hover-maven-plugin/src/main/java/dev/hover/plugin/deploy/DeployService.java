package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.CredentialSource;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.stage.StageSession;
import dev.hover.template.TemplateGenerator;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code hover:deploy} without Maven: runs the {@link Deployer} in an open stage (its manifest,
 * credentials and AWS clients) with the template module's generator.
 */
public final class DeployService {
    /**
     * @param dryRun       {@code -Dhover.dryRun}
     * @param stackTimeout {@code -Dhover.stackTimeout}
     * @param breakLease   {@code -Dhover.breakLease}
     */
    public record Options(boolean dryRun, Duration stackTimeout, boolean breakLease) {
    }

    private final UnaryOperator<String> environment;
    private final Clock clock;

    public DeployService() {
        this(System::getenv, Clock.systemDefaultZone());
    }

    public DeployService(UnaryOperator<String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * @throws DeployException                    when the deploy stopped; live is where it was
     * @throws dev.hover.plugin.aws.AwsException when AWS refused something, with what to do about it
     */
    public DeploySummary deploy(StageSession session, BuildDescriptor build, ImagePublisher images, Options options,
                                Progress progress) {
        StageManifest manifest = session.manifest();
        if (!build.stage().equals(manifest.stage())) {
            throw new DeployException("The build " + build.buildId() + " is of stage " + build.stage() + ", not "
                    + manifest.stage() + "; build this stage first (mvn package -Dhover.stage=" + manifest.stage() + ")");
        }
        CredentialSource credentials = session.credentials();
        warnAboutOtherRegions(manifest, session.manifestLocation(), credentials, progress);
        TemplateGenerator generator = new TemplateGenerator();
        TemplateSource templates = (m, imageUri, buildId) -> generator.generate(m, imageUri, buildId).toJson();
        Deployer deployer = new Deployer(StageAws.of(session.clients(), manifest), images, templates, progress, clock);
        return deployer.deploy(new DeployRequest(manifest, build, options.dryRun(), options.stackTimeout(), options.breakLease()),
                credentials.description());
    }

    /**
     * The stage's region is the manifest's, whatever the shell or the profile says; a different one
     * there is worth a line, since it is what other tools (the AWS CLI) would use.
     */
    private void warnAboutOtherRegions(StageManifest manifest, String manifestLocation, CredentialSource credentials,
                                       Progress progress) {
        String environmentRegion = Optional.ofNullable(environment.apply("AWS_REGION"))
                .orElse(environment.apply("AWS_DEFAULT_REGION"));
        if (environmentRegion != null && !environmentRegion.equals(manifest.region())) {
            progress.warning("AWS_REGION is " + environmentRegion + " but " + manifestLocation + " says region "
                    + manifest.region() + ": the stage is deployed to " + manifest.region() + ".");
        }
        credentials.profile()
                .flatMap(profile -> ProfileFile.defaultProfileFile().profile(profile))
                .flatMap(profile -> profile.property(ProfileProperty.REGION))
                .filter(region -> !region.equals(manifest.region()))
                .ifPresent(region -> progress.warning("the profile " + credentials.profile().get() + " has region " + region
                        + " but " + manifestLocation + " says " + manifest.region() + ": the stage is deployed to "
                        + manifest.region() + "."));
    }
}
