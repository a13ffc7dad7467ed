package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.sample.SampleApp;
import dev.hover.testsupport.EmulatedFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or malformed events under aws-lambda-rie with the sample application: each gets a clear
 * invocation error or a safe translation, and the good event after it is served.
 */
class HostileEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_SECONDS = 10;

    @TempDir
    static Path taskRoot;
    private static EmulatedFunction function;

    @BeforeAll
    static void start() throws IOException {
        function = SampleFunctions.start(taskRoot, SampleFunctions.manifest(SampleApp.class.getName(),
                SampleFunctions.freePort(), 30), Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(TIMEOUT_SECONDS)));
        assertThat(invoke(ApiGatewayEvents.request("GET", "/health").json()).get("statusCode").asInt())
                .as(function.output()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
    }

    /** After every hostile event, a good one must be served. */
    @AfterEach
    void aGoodEventStillSucceeds() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/echo").header("x-after", "good").json());
        assertThat(response.path("statusCode").asInt()).as(response + "\n" + function.output()).isEqualTo(200);
        assertThat(response.get("body").asText()).contains("header.x-after=good\n");
    }

    private static JsonNode invoke(String event) throws IOException {
        return JSON.readTree(function.invoke(event));
    }

    @Test
    void headerNamesThatAreNotTokensAreLeftOut() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/echo")
                .header("host:evil.example", "x")
                .header("x-with space", "y")
                .header("x-ok", "kept").json());

        String echo = response.get("body").asText();
        assertThat(echo).contains("header.host=abc123.execute-api.us-east-1.amazonaws.com\n", "header.x-ok=kept\n")
                .doesNotContain("evil", "x-with");
        assertThat(function.output()).contains("left out of GET '/echo'", "header 'host:evil.example'", "header 'x-with space'");
    }

    @Test
    void aMethodThatIsNotATokenIsAClearInvocationError() throws IOException {
        JsonNode error = invoke(ApiGatewayEvents.request("GET /admin", "/echo").json());

        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("errorMessage").asText())
                .startsWith("The event's requestContext.http.method is 'GET /admin', not an HTTP method");
    }

    @Test
    void controlCharactersInRequestHeaderValuesLeaveTheHeaderOut() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/echo")
                .header("x-cr", "a\rb")
                .header("x-lf", "a\r\nInjected: yes")
                .header("x-nul", "a\u0000b")
                .header("x-tab", "a\tb")
                .cookies("good=1", "bad=\n2").json());

        String echo = response.get("body").asText();
        // a tab is allowed in a value (the JDK's server hands it to the application as a space)
        assertThat(echo).containsPattern("header.x-tab=a\\sb\n").contains("header.cookie=good=1\n")
                .doesNotContain("x-cr", "x-lf", "injected", "x-nul", "bad=");
        assertThat(function.output()).contains("header 'x-cr'", "header 'x-lf'", "header 'x-nul'", "cookie 'bad'");
    }

    @Test
    void responseHeadersThatAreNotValidHttpAreLeftOut() throws IOException {
        JsonNode response = invoke(ApiGatewayEvents.request("GET", "/bad-headers").json());

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.at("/headers/X-good").asText()).isEqualTo("yes");
        assertThat(response.get("headers").toString()).doesNotContain("X-nul", "before", "spaced");
        assertThat(response.path("cookies").toString()).doesNotContain("evil");
        assertThat(function.output()).contains("left out of a 200 response, not valid HTTP: header(s) ")
                .contains("'X-nul'", "'X-bad name'", "'Set-cookie'");
    }

    @Test
    void aLargeBodyTheApplicationNeverReadsIsA504BeforeTheDeadline() throws IOException {
        // /slow does not read its body: the write of 4 MB fills loopback's buffers and blocks
        JsonNode response = invoke(ApiGatewayEvents.request("POST", "/slow").query("ms=60000")
                .binaryBody(new byte[4 * 1024 * 1024]).json());

        // answered by the runtime before Lambda's deadline (the emulator would say "Task timed out" otherwise)
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(504);
        assertThat(function.output()).contains("504 for POST /slow").doesNotContain("Task timed out");
    }

    @Test
    void warmerFieldsThatAreNotValidAreErrorsNamingTheField() throws IOException {
        assertThat(invoke("{\"warmer\": true, \"concurrency\": \"lots\"}").get("errorMessage").asText())
                .isEqualTo("The warmer event's concurrency is \"lots\"; it takes a whole number from 1 to 10000 "
                        + "(the containers to keep warm)");
        assertThat(invoke("{\"warmer\": true, \"concurrency\": 0}").get("errorMessage").asText())
                .startsWith("The warmer event's concurrency is 0;");
        assertThat(invoke("{\"warmer\": \"yes\"}").get("errorMessage").asText())
                .isEqualTo("The warmer event's warmer is \"yes\"; it takes true or false");
        assertThat(invoke("{\"warmer\": true, \"concurrency\": 1}").get("warmed").asInt()).isEqualTo(1);
    }

    @Test
    void anApplicationThatStoppedListeningFailsTheInvocationAndTheContainerIsReplaced() throws IOException {
        int coldStarts = coldStarts();
        assertThat(invoke(ApiGatewayEvents.request("GET", "/stop").json()).get("statusCode").asInt()).isEqualTo(200);
        awaitStopped();

        JsonNode error = invoke(ApiGatewayEvents.request("GET", "/health").json());

        assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("dev.hover.runtime.http.ApplicationGoneException");
        assertThat(error.get("errorMessage").asText()).contains("The application no longer accepts connections on 127.0.0.1:",
                "this container ends after this answer");
        assertThat(function.output()).contains("retiring this container after its answer: the application no longer listens");

        assertThat(invoke(ApiGatewayEvents.request("GET", "/health").json()).get("statusCode").asInt()).isEqualTo(200);
        assertThat(coldStarts()).as("a new container started the application again").isEqualTo(coldStarts + 1);
    }

    private static int coldStarts() {
        return function.output().split("hover: cold start of ", -1).length - 1;
    }

    /** The sample stops its server 200 ms after answering /stop. */
    private static void awaitStopped() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
