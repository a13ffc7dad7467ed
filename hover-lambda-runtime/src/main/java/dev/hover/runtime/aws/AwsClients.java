package dev.hover.runtime.aws;

import dev.hover.runtime.snapstart.SnapStart;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.util.Map;

/**
 * Configures the runtime's AWS SDK clients (SQS, Lambda) for a fast cold start, as the SDK's
 * guide for Lambda recommends: the URL-connection HTTP client, the region from {@code AWS_REGION}
 * and the credentials from the environment variables, both of which Lambda always sets for the
 * function's region and role. Without them the SDK walks its default chains (system properties,
 * profile files, web identity, container and instance metadata providers), which costs a cold
 * start hundreds of milliseconds of class loading. When a variable is missing (outside Lambda)
 * the default chain is used. The endpoint is left to the SDK, so its standard settings
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code aws.endpointUrl}) apply.
 */
public final class AwsClients {
    private final Map<String, String> environment;

    /** @param environment the process environment (a map, so that the choices can be tested) */
    public AwsClients(Map<String, String> environment) {
        this.environment = environment;
    }

    public static AwsClients fromProcessEnvironment() {
        return new AwsClients(System.getenv());
    }

    /** Sets the HTTP client, and the region and credentials where the environment gives them. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(UrlConnectionHttpClient.create());
        Region region = region();
        if (region != null) {
            builder.region(region);
        }
        AwsCredentialsProvider credentials = credentials();
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder;
    }

    /** The region named by {@code AWS_REGION}, or null for the SDK's default region chain. */
    Region region() {
        String name = environment.get("AWS_REGION");
        return name == null || name.isBlank() ? null : Region.of(name.trim());
    }

    /**
     * For a SnapStart function ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), the container
     * provider ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}): that is how Lambda gives it
     * credentials, and a provider made after a restore fetches the restored container's, whereas
     * the JVM's copy of the environment is the one of the init that was snapshotted. Otherwise the
     * environment variable provider when {@code AWS_ACCESS_KEY_ID} is set (it reads the key, secret
     * and session token when a client signs, so rotated variables are seen), the container provider
     * when only its variable is set, and else null for the SDK's default credentials chain.
     */
    AwsCredentialsProvider credentials() {
        boolean container = isSet("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (container && SnapStart.requested(environment)) {
            return ContainerCredentialsProvider.builder().build();
        }
        if (isSet("AWS_ACCESS_KEY_ID")) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return container ? ContainerCredentialsProvider.builder().build() : null;
    }

    private boolean isSet(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
