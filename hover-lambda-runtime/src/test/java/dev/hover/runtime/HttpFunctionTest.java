package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.sample.SampleApp;
import dev.hover.testsupport.EmulatedFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The http function end to end: aws-lambda-rie → Bootstrap → the sample application, and back. */
class HttpFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small, so that the slow route outlives it; large enough for a cold start on a busy machine. */
    private static final int TIMEOUT_SECONDS = 10;

    @TempDir
    static Path taskRoot;
    private static EmulatedFunction function;

    @BeforeAll
    static void start() throws IOException {
        int port = SampleFunctions.freePort();
        function = SampleFunctions.start(taskRoot, SampleFunctions.manifest(SampleApp.class.getName(), port, 30),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(TIMEOUT_SECONDS)));
        // the first invocation runs the cold start
        assertThat(invoke(ApiGatewayEvents.request("GET", "/health")).get("statusCode").asInt())
                .as(function.output()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
    }

    private static JsonNode invoke(ApiGatewayEvents event) throws IOException {
        return JSON.readTree(function.invoke(event.json()));
    }

    /** The sample's echo: {@code name=value} lines; headers as {@code header.<name>}. */
    private static String echo(JsonNode response) {
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        return response.get("body").asText();
    }

    @Test
    void getPassesTheRawQueryStringAndRepeatedHeaderValues() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/echo")
                .query("tag=a&tag=b&q=caf%C3%A9%20au%20lait")
                .header("accept", "text/html, application/json")
                .header("x-custom", "first,second"));

        assertThat(echo(response)).contains("method=GET\n", "path=/echo\n", "query=tag=a&tag=b&q=caf%C3%A9%20au%20lait\n",
                "header.accept=text/html, application/json\n", "header.x-custom=first,second\n",
                "header.x-forwarded-for=198.51.100.7\n", "header.x-forwarded-proto=https\n",
                "header.x-forwarded-host=abc123.execute-api.us-east-1.amazonaws.com\n",
                "header.host=abc123.execute-api.us-east-1.amazonaws.com\n");
        assertThat(echo(response)).containsPattern("header.x-hover-request-id=[0-9a-f-]{36}\n")
                .containsPattern("header.x-hover-deadline-ms=\\d{13}\n");
    }

    @Test
    void cookiesGoBothWaysAndRepeatedResponseHeadersAreJoined() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("POST", "/echo")
                .cookies("session=abc", "theme=dark")
                .header("content-type", "application/json")
                .textBody("{\"name\":\"Zoë\"}"));

        assertThat(echo(response)).contains("method=POST\n", "header.cookie=session=abc; theme=dark\n",
                "header.content-length=15\n",
                "body=" + Base64.getEncoder().encodeToString("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.get("cookies")).extracting(JsonNode::asText)
                .containsExactly("session=abc; Path=/; HttpOnly", "theme=dark");
        assertThat(response.at("/headers/X-multi").asText()).isEqualTo("one, two");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void putCarriesABinaryBodyBothWays() throws IOException {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }

        JsonNode response = invoke(ApiGatewayEvents.request("PUT", "/binary").binaryBody(bytes));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(response.get("body").asText())).isEqualTo(bytes);
    }

    @Test
    void getReturnsABinaryBodyAsBase64() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/binary"));

        byte[] body = Base64.getDecoder().decode(response.get("body").asText());
        assertThat(body).hasSize(256);
        assertThat(body[255]).isEqualTo((byte) 255);
        assertThat(response.at("/headers/Content-type").asText()).isEqualTo("application/octet-stream");
    }

    @Test
    void deleteWithAQueryString() throws IOException {
        assertThat(echo(invoke(ApiGatewayEvents.request("DELETE", "/echo").query("force=true"))))
                .contains("method=DELETE\n", "query=force=true\n");
    }

    @Test
    void unknownRoutesKeepTheApplicationsStatus() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/nowhere"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("body").asText()).isEqualTo("no route /nowhere");
    }

    @Test
    void aLargeChunkedResponseUnderTheLimitArrivesWhole() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/big").query("bytes=4000000"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("body").asText()).hasSize(4_000_000);
    }

    @Test
    void aResponseOverLambdasLimitIsA502ThatIsLogged() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/big").query("bytes=7000000"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(502);
        assertThat(function.output()).contains("502 for GET /big", "exceeds Lambda's limit of 6291456 bytes");
        assertThat(invoke(ApiGatewayEvents.request("GET", "/health")).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aCrashThatClosesTheConnectionIsA502AndTheNextRequestWorks() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("POST", "/crash").textBody("x"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(502);
        assertThat(function.output()).contains("502 for POST /crash", "The connection closed before a response");
        assertThat(invoke(ApiGatewayEvents.request("GET", "/health")).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aRequestPastTheDeadlineIsA504BeforeLambdaStopsTheContainer() throws IOException {
        long started = System.nanoTime();
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/slow").query("ms=60000"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(504);
        assertThat(tookMillis).isLessThan(TIMEOUT_SECONDS * 1000L);
        assertThat(function.output()).contains("504 for GET /slow").doesNotContain("Task timed out");
        assertThat(invoke(ApiGatewayEvents.request("GET", "/health")).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void theApplicationSeesTheManifestsEnvironmentInItsProcessEnvironmentAndNoDelay() throws IOException {
        String body = echo(invoke(ApiGatewayEvents.request("GET", "/env").query("name=GREETING")));

        assertThat(body).contains("variable=hello from the manifest\n", "getenv=hello from the manifest\n",
                "child=hello from the manifest\n", "property=null\n", "stage=test\n", "nodelay=true\n");
    }

    @Test
    void anEventThatIsNotAnHttpEventIsAnInvocationError() throws IOException {
        JsonNode error = JSON.readTree(function.invoke("{\"Records\": []}"));

        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("errorMessage").asText()).contains("not an API Gateway HTTP API event");
        assertThat(error.get("stackTrace").get(0).asText()).contains("HttpEventParser");
    }
}
