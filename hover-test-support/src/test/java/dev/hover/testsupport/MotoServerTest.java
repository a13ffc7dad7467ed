package dev.hover.testsupport;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MotoServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** moto routes a request to a service by the credential scope; it does not check the signature. */
    private static final String S3_AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

    private final MotoServer moto = LocalAws.moto();

    @Test
    void answersOnLoopbackAndForgetsEverythingOnReset() throws Exception {
        assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
        send("PUT", "/probe-bucket");
        assertThat(send("GET", "/")).contains("<Name>probe-bucket</Name>");

        moto.reset();

        assertThat(send("GET", "/")).doesNotContain("probe-bucket");
    }

    @Test
    void switchesLambdaToTheSimpleBackendAndTakesCannedResults() throws Exception {
        moto.useSimpleLambdaBackend();

        assertThat(get("/moto-api/config")).contains("\"lambda\": {\"use_docker\": false}");
        moto.queueLambdaResults("us-east-1", List.of("{\"statusCode\": 200}", "second"));
    }

    @Test
    void describesItselfToSdkClientsInThisJvmAndInChildProcesses() {
        moto.applyToSystemProperties();

        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(moto.endpoint().toString());
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
        assertThat(moto.environment())
                .containsEntry("AWS_ENDPOINT_URL", moto.endpoint().toString())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void isOnePerJvm() {
        assertThat(LocalAws.moto()).isSameAs(moto);
    }

    private String send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(moto.endpoint().resolve(path))
                .header("Authorization", S3_AUTHORIZATION)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(moto.endpoint().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
