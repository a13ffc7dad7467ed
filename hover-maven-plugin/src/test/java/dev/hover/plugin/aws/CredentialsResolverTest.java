package dev.hover.plugin.aws;

import dev.hover.plugin.network.Proxies;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which credentials a deploy uses. The SDK reads "the environment" from system properties
 * ({@code aws.accessKeyId}) before environment variables; the tests use the properties, and the
 * profile files are pointed at temporary ones with {@code aws.configFile}/{@code aws.sharedCredentialsFile}.
 */
class CredentialsResolverTest {
    private static final String[] PROPERTIES = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
            "aws.configFile", "aws.sharedCredentialsFile"};

    @TempDir
    Path dir;

    private final Map<String, String> saved = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final CredentialsResolver resolver = new CredentialsResolver(environment::get);

    @BeforeEach
    void isolate() throws IOException {
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
            System.clearProperty(property);
        }
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "[shop-dev]\naws_access_key_id = AKIAPROFILEKEY\naws_secret_access_key = profile-secret\n");
        Files.writeString(dir.resolve("config"), "[profile shop-dev]\nregion = eu-west-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void credentialsInTheEnvironmentWinOverTheManifestsProfile() {
        System.setProperty("aws.accessKeyId", "AKIAENVIRONMENTKEY");
        System.setProperty("aws.secretAccessKey", "environment-secret");

        CredentialSource source = resolver.resolve(Optional.empty(), Optional.of("shop-dev"), ".hover/dev.yml");

        assertThat(source.description()).startsWith("environment");
        assertThat(source.profile()).isEmpty();
        assertThat(source.provider().resolveCredentials().accessKeyId()).isEqualTo("AKIAENVIRONMENTKEY");
    }

    @Test
    void environmentVariablesCountAsTheEnvironmentToo() {
        environment.put("AWS_ACCESS_KEY_ID", "AKIAFROMCI");

        CredentialSource source = resolver.resolve(Optional.empty(), Optional.of("shop-dev"), ".hover/dev.yml");

        assertThat(source.description()).isEqualTo("environment (AWS_ACCESS_KEY_ID)");
    }

    @Test
    void withoutEnvironmentCredentialsTheManifestsProfileIsUsed() {
        CredentialSource source = resolver.resolve(Optional.empty(), Optional.of("shop-dev"), ".hover/dev.yml");

        AwsCredentials credentials = source.provider().resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAPROFILEKEY");
        assertThat(source.description()).isEqualTo("profile 'shop-dev' (from aws-profile in .hover/dev.yml)");
    }

    @Test
    void hoverProfileOverridesTheManifestsProfile() throws IOException {
        Files.writeString(dir.resolve("credentials"), "[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = s\n",
                java.nio.file.StandardOpenOption.APPEND);

        CredentialSource source = resolver.resolve(Optional.of("other"), Optional.of("shop-dev"), ".hover/dev.yml");

        assertThat(source.provider().resolveCredentials().accessKeyId()).isEqualTo("AKIAOTHER");
        assertThat(source.description()).contains("-Dhover.profile");
    }

    @Test
    void anUnknownProfileSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> resolver.resolve(Optional.empty(), Optional.of("shop-prod"), ".hover/production.yml"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("Unknown AWS profile 'shop-prod' (from aws-profile in .hover/production.yml)")
                .hasMessageContaining(dir.resolve("credentials").toString())
                .hasMessageContaining("aws configure --profile shop-prod")
                .hasMessageContaining("-Dhover.profile");
    }

    @Test
    void theResolvedEnvironmentCredentialsReachAws() {
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();

        CredentialSource source = resolver.resolve(Optional.empty(), Optional.of("no-such-profile"), ".hover/dev.yml");
        try (AwsClients clients = new AwsClients(MotoServer.REGION, source.provider(), Proxies.none())) {
            assertThat(new Identity(clients.sts()).whoAmI().account()).isEqualTo("123456789012");
        }
    }
}
