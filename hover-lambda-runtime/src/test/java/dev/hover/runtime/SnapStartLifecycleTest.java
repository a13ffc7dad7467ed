package dev.hover.runtime;

import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.sample.CracApp;
import dev.hover.testsupport.EmulatedFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart lifecycle of the whole runtime process ({@code java … Bootstrap} with a sample
 * application that registers org.crac resources) against a scripted Runtime API.
 */
class SnapStartLifecycleTest {
    private static final String PRIME = "Hover-Prime/1";
    private static final List<String> PRIMED_ROUND = List.of("request /health " + PRIME, "request / " + PRIME,
            "request /api/items?page=2 " + PRIME);

    @TempDir
    Path taskRoot;

    private int port;

    private PackagedManifest manifest(Map<String, String> stageVariables) {
        port = SampleFunctions.freePort();
        Map<String, String> variables = new HashMap<>(stageVariables);
        variables.put("SAMPLE_PORT", Integer.toString(port));
        return new PackagedManifest("test", "sample-test", "build-1", variables,
                CracApp.class.getName(), new PackagedManifest.Http(port, "/health", 1, 30,
                List.of("/", "/api/items?page=2"), 3), List.of(), Map.of());
    }

    private Process start(ScriptedRuntimeApi api, String initType, Map<String, String> stageVariables) throws IOException {
        return start(api, initType, stageVariables, "http");
    }

    private Process start(ScriptedRuntimeApi api, String initType, Map<String, String> stageVariables,
                          String functionType) throws IOException {
        Files.createDirectories(taskRoot.resolve("hover"));
        PackagedManifest manifest = manifest(stageVariables);
        PackagedManifestCodec.write(manifest, taskRoot.resolve("hover/stage.properties"));
        ProcessBuilder builder = new ProcessBuilder(SampleFunctions.bootstrapCommand())
                .redirectErrorStream(true)
                .redirectOutput(taskRoot.resolve("runtime.log").toFile());
        // the image's environment holds the manifest's
        builder.environment().putAll(manifest.environment());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", initType);
        builder.environment().put("HOVER_FUNCTION_TYPE", functionType);
        return builder.start();
    }

    private String exitAndLog(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the runtime exits").isTrue();
        return Files.readString(taskRoot.resolve("runtime.log"));
    }

    private String timelineNow() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/timeline").openConnection();
            connection.setRequestProperty("User-Agent", "test");
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    private static byte[] get(String path) {
        return ApiGatewayEvents.request("GET", path).header("user-agent", "curl/8").json().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void primesRunsTheHooksAroundRestoreNextThenServes() throws Exception {
        AtomicReference<String> atRestore = new AtomicReference<>();
        try (ScriptedRuntimeApi api = new ScriptedRuntimeApi().event(get("/timeline"))) {
            api.atRestore(() -> atRestore.set(timelineNow()));
            Process runtime = start(api, "snap-start", Map.of());
            String log = exitAndLog(runtime);

            assertThat(api.calls()).as(log).hasSize(4);
            assertThat(api.calls().get(0)).isEqualTo("GET /2018-06-01/runtime/restore/next null ");
            assertThat(api.calls().get(1)).isEqualTo("GET /2018-06-01/runtime/invocation/next null ");
            assertThat(api.calls().get(2)).startsWith("POST /2018-06-01/runtime/invocation/request-1/response null ");
            assertThat(api.calls().get(3)).isEqualTo("GET /2018-06-01/runtime/invocation/next null ");

            // when restore/next is called: the readiness request, three primed rounds, the hooks in reverse order
            List<String> expectedAtRestore = new ArrayList<>();
            expectedAtRestore.add("request /health hover-runtime");
            for (int round = 0; round < 3; round++) {
                expectedAtRestore.addAll(PRIMED_ROUND);
            }
            expectedAtRestore.addAll(List.of("beforeCheckpoint cache", "beforeCheckpoint pool"));
            expectedAtRestore.add("request /timeline test");
            assertThat(lines(atRestore.get())).containsExactlyElementsOf(expectedAtRestore);

            // after restore: the hooks in registration order, then the first real request
            String served = api.response(0);
            assertThat(served).contains("beforeCheckpoint pool\\nrequest /timeline test\\nafterRestore pool\\n"
                    + "afterRestore cache\\nrequest /timeline curl/8");
            assertThat(log).contains("priming", "(9 requests: /health 200×3, / 200×3, /api/items?page=2 200×3)",
                    "restored from the snapshot: restore/next waited", "2 after-restore hooks");
        }
    }

    /** The cli and queue functions follow the lifecycle too; they take no HTTP events, so nothing is primed. */
    @Test
    void theCliFunctionRunsTheHooksAroundRestoreNextWithoutPriming() throws Exception {
        AtomicReference<String> atRestore = new AtomicReference<>();
        try (ScriptedRuntimeApi api = new ScriptedRuntimeApi()) {
            api.atRestore(() -> atRestore.set(timelineNow()));
            Process runtime = start(api, "snap-start", Map.of(), "cli");
            String log = exitAndLog(runtime);

            assertThat(api.calls()).as(log).containsExactly("GET /2018-06-01/runtime/restore/next null ",
                    "GET /2018-06-01/runtime/invocation/next null ");
            assertThat(lines(atRestore.get())).doesNotContain("request /health " + PRIME)
                    .containsSubsequence("beforeCheckpoint cache", "beforeCheckpoint pool", "request /timeline test");
            assertThat(log).doesNotContain("priming").contains("2 after-restore hooks");
        }
    }

    @Test
    void aFailingAfterRestoreHookIsReportedToRestoreErrorAndTheContainerTakesNoEvent() throws Exception {
        try (ScriptedRuntimeApi api = new ScriptedRuntimeApi().event(get("/timeline"))) {
            Process runtime = start(api, "snap-start", Map.of("SAMPLE_FAIL_RESTORE", "true"));
            String log = exitAndLog(runtime);

            assertThat(runtime.exitValue()).isEqualTo(1);
            assertThat(api.calls()).as(log).hasSize(2);
            assertThat(api.calls().get(0)).isEqualTo("GET /2018-06-01/runtime/restore/next null ");
            assertThat(api.calls().get(1)).startsWith("POST /2018-06-01/runtime/restore/error Runtime.AfterRestoreError "
                    + "{\"errorMessage\":\"The application's after-restore hooks failed: java.lang.IllegalStateException: "
                    + "the cache cannot reconnect to cache.internal:6379\",\"errorType\":\"Runtime.AfterRestoreError\"");
            assertThat(log).contains("restore failed: Runtime.AfterRestoreError");
        }
    }

    @Test
    void withoutSnapStartNothingIsPrimedAndNoHookRuns() throws Exception {
        try (ScriptedRuntimeApi api = new ScriptedRuntimeApi().event(get("/timeline"))) {
            Process runtime = start(api, "on-demand", Map.of());
            String log = exitAndLog(runtime);

            assertThat(api.calls()).as(log).hasSize(3);
            assertThat(api.calls().get(0)).isEqualTo("GET /2018-06-01/runtime/invocation/next null ");
            assertThat(api.response(0)).contains("\"body\":\"request /health hover-runtime\\nrequest /timeline curl/8\"");
            assertThat(log).doesNotContain("priming", "restore");
        }
    }

    /** aws-lambda-rie answers restore/next with 404 (its router has no SnapStart routes): the lifecycle runs on. */
    @Test
    void underAwsLambdaRieThePrimedAppServesAfterItsHooks() throws IOException {
        try (EmulatedFunction function = SampleFunctions.start(taskRoot, manifest(Map.of()),
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start", "AWS_LAMBDA_FUNCTION_TIMEOUT", "20"))) {
            String answer = function.invoke(ApiGatewayEvents.request("GET", "/timeline").header("user-agent", "curl/8").json());

            assertThat(answer).contains("request /api/items?page=2 Hover-Prime/1\\nbeforeCheckpoint cache\\n"
                    + "beforeCheckpoint pool\\nafterRestore pool\\nafterRestore cache\\nrequest /timeline curl/8");
            assertThat(function.output()).contains("the Runtime API has no /restore/next (an emulator)");
        }
    }

    @Test
    void underTheEmulatorsRuntimeApiWithoutRestoreNextTheHooksStillRun() throws Exception {
        try (ScriptedRuntimeApi api = new ScriptedRuntimeApi().restoreStatus(404).event(get("/timeline"))) {
            Process runtime = start(api, "snap-start", Map.of());
            String log = exitAndLog(runtime);

            assertThat(api.calls()).as(log).hasSize(4);
            assertThat(api.response(0)).contains("beforeCheckpoint pool\\nafterRestore pool\\nafterRestore cache\\n"
                    + "request /timeline curl/8");
            assertThat(log).contains("the Runtime API has no /restore/next (an emulator)");
        }
    }
}
