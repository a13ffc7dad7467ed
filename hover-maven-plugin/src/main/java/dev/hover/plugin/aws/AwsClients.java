package dev.hover.plugin.aws;

import dev.hover.plugin.network.Proxies;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place AWS clients are made: the stage's region, the resolved credentials and the
 * url-connection HTTP client, through the proxies of Maven's settings when it names any (else the
 * SDK's own proxy settings apply: {@code HTTPS_PROXY}, {@code https.proxyHost}). Endpoints are left
 * to the SDK, so its standard settings ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl},
 * per-service variants) apply unchanged.
 * Closing it closes every client it made and the shared HTTP client.
 */
public final class AwsClients implements AutoCloseable {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    // Lambda invocations (deploy commands) may run for the cli function's whole timeout.
    private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(15);

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;
    private final List<AutoCloseable> made = new ArrayList<>();

    public AwsClients(String region, AwsCredentialsProvider credentials, Proxies proxies) {
        this.region = Region.of(region);
        this.credentials = credentials;
        this.httpClient = proxies.isEmpty()
                ? UrlConnectionHttpClient.builder().connectionTimeout(CONNECTION_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build()
                : UrlConnectionHttpClient.create(new ProxiedConnections(proxies, CONNECTION_TIMEOUT, SOCKET_TIMEOUT));
    }

    public String region() {
        return region.id();
    }

    public CloudFormationClient cloudFormation() {
        return make(CloudFormationClient.builder());
    }

    public EcrClient ecr() {
        return make(EcrClient.builder());
    }

    public S3Client s3() {
        return make(S3Client.builder());
    }

    public LambdaClient lambda() {
        return make(LambdaClient.builder());
    }

    public KmsClient kms() {
        return make(KmsClient.builder());
    }

    public CloudWatchLogsClient logs() {
        return make(CloudWatchLogsClient.builder());
    }

    public SqsClient sqs() {
        return make(SqsClient.builder());
    }

    public StsClient sts() {
        return make(StsClient.builder());
    }

    private synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C make(B builder) {
        C client = builder.region(region).credentialsProvider(credentials).httpClient(httpClient).build();
        made.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : made) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing releases connections only; nothing to report
            }
        }
        made.clear();
        httpClient.close();
    }
}
