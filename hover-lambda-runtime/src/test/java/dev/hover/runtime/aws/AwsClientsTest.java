package dev.hover.runtime.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.KmsServiceClientConfiguration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which region and credentials the runtime's clients get, from a given environment. */
class AwsClientsTest {
    private static final Map<String, String> LAMBDA = Map.of(
            "AWS_REGION", "eu-west-3",
            "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret",
            "AWS_SESSION_TOKEN", "token");

    @Test
    void takesLambdasRegionAndTheEnvironmentsCredentials() {
        AwsClients clients = new AwsClients(LAMBDA);

        assertThat(clients.region()).isEqualTo(Region.EU_WEST_3);
        assertThat(clients.credentials()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void takesTheContainerCredentialsASnapStartFunctionGets() {
        Map<String, String> snapStart = new HashMap<>(LAMBDA);
        snapStart.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        snapStart.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");
        snapStart.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "token");
        Map<String, String> containerOnly = new HashMap<>(snapStart);
        containerOnly.keySet().removeAll(List.of("AWS_ACCESS_KEY_ID", "AWS_LAMBDA_INITIALIZATION_TYPE"));

        assertThat(new AwsClients(snapStart).credentials()).isInstanceOf(ContainerCredentialsProvider.class);
        assertThat(new AwsClients(containerOnly).credentials()).isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void leavesRegionAndCredentialsToTheDefaultChainsWhenTheEnvironmentLacksThem() {
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", " ", "AWS_SECRET_ACCESS_KEY", "secret"));

        assertThat(clients.region()).isNull();
        assertThat(clients.credentials()).isNull();
    }

    @Test
    void configuresTheClientItBuilds() {
        try (KmsClient kms = new AwsClients(LAMBDA).configure(KmsClient.builder()).build()) {
            KmsServiceClientConfiguration configuration = kms.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.EU_WEST_3);
            assertThat(configuration.credentialsProvider()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        }
    }

    @Test
    void touchesNeitherRegionNorCredentialsWhenTheEnvironmentLacksThem() {
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.AP_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")));
        try (KmsClient kms = new AwsClients(Map.of()).configure(builder).build()) {
            KmsServiceClientConfiguration configuration = kms.serviceClientConfiguration();

            assertThat(configuration.region()).isEqualTo(Region.AP_SOUTH_1);
            assertThat(configuration.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
        }
    }
}
