package dev.hover.plugin.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Chooses a stage's credentials: credentials in the environment win (CI sets them: access keys,
 * a web identity token, container credentials), else the profile ({@code -Dhover.profile}, else
 * the manifest's {@code aws-profile}) through the SDK's profile provider, which does SSO and
 * assumed roles itself; with neither, the SDK's default chain.
 */
public final class CredentialsResolver {
    private final UnaryOperator<String> environment;

    /** Reads the process environment. */
    public CredentialsResolver() {
        this(System::getenv);
    }

    /** @param environment looks up an environment variable, null when unset */
    public CredentialsResolver(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * @param profileOverride  {@code -Dhover.profile}
     * @param manifestProfile  the manifest's {@code aws-profile}
     * @param manifestLocation where the manifest is, for messages
     */
    public CredentialSource resolve(Optional<String> profileOverride, Optional<String> manifestProfile, String manifestLocation) {
        Optional<CredentialSource> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        Optional<String> profile = profileOverride.filter(p -> !p.isBlank()).or(() -> manifestProfile);
        if (profile.isEmpty()) {
            return new CredentialSource(DefaultCredentialsProvider.builder().build(),
                    "the AWS SDK's default chain (no aws-profile in " + manifestLocation + ")", Optional.empty());
        }
        String name = profile.get();
        String origin = profileOverride.isPresent() ? "-Dhover.profile" : "aws-profile in " + manifestLocation;
        ProfileFile profiles = ProfileFile.defaultProfileFile();
        if (profiles.profile(name).isEmpty()) {
            throw new AwsException("Unknown AWS profile '" + name + "' (from " + origin + "): it is in neither "
                    + configFile() + " nor " + credentialsFile() + ". Create it (`aws configure --profile " + name
                    + "`, or `aws configure sso --profile " + name + "` for IAM Identity Center), or name an existing "
                    + "profile with -Dhover.profile=<profile>, or provide credentials in the environment.");
        }
        AwsCredentialsProvider provider = ProfileCredentialsProvider.builder()
                .profileFile(profiles)
                .profileName(name)
                .build();
        return new CredentialSource(provider, "profile '" + name + "' (from " + origin + ")", Optional.of(name));
    }

    private Optional<CredentialSource> fromEnvironment() {
        if (System.getProperty("aws.accessKeyId") != null) {
            return environmentSource(SystemPropertyCredentialsProvider.create(), "system property aws.accessKeyId");
        }
        if (environment.apply("AWS_ACCESS_KEY_ID") != null) {
            return environmentSource(EnvironmentVariableCredentialsProvider.create(), "AWS_ACCESS_KEY_ID");
        }
        if (environment.apply("AWS_WEB_IDENTITY_TOKEN_FILE") != null && environment.apply("AWS_ROLE_ARN") != null) {
            return environmentSource(WebIdentityTokenFileCredentialsProvider.create(), "AWS_WEB_IDENTITY_TOKEN_FILE");
        }
        if (environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null
                || environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return environmentSource(ContainerCredentialsProvider.builder().build(), "container credentials");
        }
        return Optional.empty();
    }

    private static Optional<CredentialSource> environmentSource(AwsCredentialsProvider provider, String what) {
        return Optional.of(new CredentialSource(provider, "environment (" + what + ")", Optional.empty()));
    }

    private String configFile() {
        return location(ProfileFileSystemSetting.AWS_CONFIG_FILE, "~/.aws/config");
    }

    private String credentialsFile() {
        return location(ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE, "~/.aws/credentials");
    }

    private String location(ProfileFileSystemSetting setting, String fallback) {
        String property = System.getProperty(setting.property());
        if (property != null) {
            return property;
        }
        String variable = environment.apply(setting.environmentVariable());
        return variable != null ? variable : fallback;
    }
}
