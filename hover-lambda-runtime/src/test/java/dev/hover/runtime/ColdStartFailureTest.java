package dev.hover.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.sample.FailingApp;
import dev.hover.runtime.sample.SilentApp;
import dev.hover.runtime.sample.WrongPortApp;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A container that cannot start reports an init error that says why, in the Runtime API's format. */
class ColdStartFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TIMEOUT = Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "20");

    @TempDir
    Path taskRoot;

    private static JsonNode firstInvocation(EmulatedFunction function) throws IOException {
        return JSON.readTree(function.invoke(ApiGatewayEvents.request("GET", "/").json()));
    }

    @Test
    void anApplicationWhoseMainThrowsIsAnAppStartFailed() throws IOException {
        try (EmulatedFunction function = SampleFunctions.start(taskRoot,
                SampleFunctions.manifest(FailingApp.class.getName(), SampleFunctions.freePort(), 30), TIMEOUT)) {
            JsonNode error = firstInvocation(function);

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.AppStartFailed");
            assertThat(error.get("errorMessage").asText()).isEqualTo("dev.hover.runtime.sample.FailingApp.main failed: "
                    + "java.lang.IllegalStateException: database unreachable at db.internal:5432");
            assertThat(function.output()).contains("init failed: Runtime.AppStartFailed");
        }
    }

    @Test
    void anApplicationThatNeverListensIsAnAppNotReadyThatNamesThePort() throws IOException {
        int port = SampleFunctions.freePort();
        try (EmulatedFunction function = SampleFunctions.start(taskRoot,
                SampleFunctions.manifest(SilentApp.class.getName(), port, 2), TIMEOUT)) {
            JsonNode error = firstInvocation(function);

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.AppNotReady");
            assertThat(error.get("errorMessage").asText()).isEqualTo("The application was not ready within 2000 ms: "
                    + "nothing accepts connections on 127.0.0.1:" + port
                    + " (dev.hover.runtime.sample.SilentApp.main has returned)");
        }
    }

    @Test
    void anApplicationListeningOnAnotherPortIsAnAppNotReadyThatNamesItsPortAndTheFix() throws IOException {
        int port = SampleFunctions.freePort();
        int other = SampleFunctions.freePort();
        try (EmulatedFunction function = SampleFunctions.start(taskRoot,
                SampleFunctions.manifest(WrongPortApp.class.getName(), port, 3),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "20", "SAMPLE_OTHER_PORT", Integer.toString(other)))) {
            JsonNode error = firstInvocation(function);

            assertThat(error.get("errorType").asText()).as(error.toString()).isEqualTo("Runtime.AppNotReady");
            assertThat(error.get("errorMessage").asText()).isEqualTo("The application was not ready within 3000 ms: "
                    + "nothing accepts connections on 127.0.0.1:" + port + " (dev.hover.runtime.sample.WrongPortApp.main"
                    + " has returned); the application listens on " + other + ": perhaps you should set http.port: "
                    + other + " in the stage manifest, or make the application listen on the port Hover gives it (PORT,"
                    + " or its framework's SERVER_PORT, QUARKUS_HTTP_PORT, MICRONAUT_SERVER_PORT: " + port + ")");
            assertThat(function.output()).contains("waiting for the application", "the application listens on " + other);
        }
    }

    @Test
    void aMissingMainClassIsAnAppStartFailed() throws IOException {
        try (EmulatedFunction function = SampleFunctions.start(taskRoot,
                SampleFunctions.manifest("com.example.Missing", SampleFunctions.freePort(), 30), TIMEOUT)) {
            JsonNode error = firstInvocation(function);

            assertThat(error.get("errorType").asText()).isEqualTo("Runtime.AppStartFailed");
            assertThat(error.get("errorMessage").asText()).isEqualTo("The main class com.example.Missing is not on the classpath");
        }
    }

    @Test
    void aMissingManifestIsAManifestMissingThatNamesThePath() throws IOException {
        Path nowhere = taskRoot.resolve("nowhere.json");
        try (EmulatedFunction function = LocalAws.rie().start(SampleFunctions.bootstrapCommand(),
                Map.of("HOVER_MANIFEST", nowhere.toString(), "AWS_LAMBDA_FUNCTION_TIMEOUT", "20"))) {
            JsonNode error = firstInvocation(function);

            assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ManifestMissing");
            assertThat(error.get("errorMessage").asText()).isEqualTo("No packaged manifest at " + nowhere + " (HOVER_MANIFEST)");
        }
    }
}
