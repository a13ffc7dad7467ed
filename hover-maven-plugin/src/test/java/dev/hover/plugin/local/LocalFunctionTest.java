package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.InvokeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One local function's container with Lambda's semantics, driven by {@link ScriptedRuntime} through the
 * plugin's Runtime API: the deadline, a timeout, a crash, an init error, a container that retires,
 * an oversized answer, {@code restore/next}, closing (what the shutdown hook does on Ctrl-C).
 */
class LocalFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final ChildProcesses children = new ChildProcesses();
    private LocalFunction function;

    @AfterEach
    void stop() {
        if (function != null) {
            function.close();
        }
        children.close();
    }

    private LocalFunction function(String script, Duration timeout) throws Exception {
        String classes = Path.of(ScriptedRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        function = new LocalFunction("shop-local-http", "http", new LocalFunction.Launch(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-cp", classes,
                        ScriptedRuntime.class.getName()),
                Map.of("HOVER_SCRIPT", script, "PATH", System.getenv("PATH")), dir), timeout, children, output::add,
                Clock.systemUTC());
        return function;
    }

    private static byte[] event(String text) {
        return ("{\"n\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneContainerTakesTheEventsOneAfterTheOtherWithTheFunctionsDeadline() throws Exception {
        LocalFunction echo = function("echo", Duration.ofSeconds(7));

        long before = System.currentTimeMillis();
        JsonNode first = JSON.readTree(echo.invoke(event("one")).payload());
        JsonNode second = JSON.readTree(echo.invoke(event("two")).payload());

        assertThat(first.path("event").path("n").asText()).isEqualTo("one");
        assertThat(second.path("event").path("n").asText()).isEqualTo("two");
        assertThat(second.path("pid").asLong()).isEqualTo(first.path("pid").asLong());
        assertThat(first.path("deadline").asLong()).isBetween(before + 7000, System.currentTimeMillis() + 7000);
        assertThat(output).filteredOn(line -> line.startsWith("[http] started")).hasSize(1);
    }

    @Test
    void anEventPastTheTimeoutFailsAndTheNextOneGetsANewContainer() throws Exception {
        LocalFunction hang = function("hang", Duration.ofSeconds(1));

        InvokeResult timedOut = hang.invoke(event("one"));
        hang.invoke(event("two"));

        assertThat(timedOut.functionError()).contains("Unhandled");
        JsonNode error = JSON.readTree(timedOut.payload());
        assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.path("errorMessage").asText()).endsWith("Task timed out after 1.00 seconds");
        assertThat(output).filteredOn(line -> line.startsWith("[http] started")).hasSize(2);
    }

    @Test
    void aContainerThatExitsFailsItsEventWithRuntimeExitError() throws Exception {
        InvokeResult crashed = function("exit", Duration.ofSeconds(5)).invoke(event("one"));

        JsonNode error = JSON.readTree(crashed.payload());
        assertThat(crashed.functionError()).contains("Unhandled");
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asText()).endsWith("Error: Runtime exited: exit status 3");
    }

    @Test
    void anInitErrorIsTheEventsAnswer() throws Exception {
        InvokeResult failed = function("init-error", Duration.ofSeconds(5)).invoke(event("one"));

        assertThat(failed.functionError()).contains("Unhandled");
        assertThat(JSON.readTree(failed.payload()).path("errorMessage").asText()).isEqualTo("main threw");
    }

    @Test
    void aContainerThatRetiresAfterItsAnswerIsReplacedWithoutFailingTheNextEvent() throws Exception {
        LocalFunction retiring = function("retire", Duration.ofSeconds(5));

        InvokeResult first = retiring.invoke(event("one"));
        InvokeResult second = retiring.invoke(event("two"));

        assertThat(first.functionError()).isEmpty();
        assertThat(second.functionError()).as(second.payload()).isEmpty();
        assertThat(JSON.readTree(second.payload()).path("pid").asLong()).isNotEqualTo(JSON.readTree(first.payload()).path("pid").asLong());
    }

    @Test
    void anAnswerOverSixMegabytesIsLambdasResponseSizeError() throws Exception {
        InvokeResult big = function("big", Duration.ofSeconds(10)).invoke(event("one"));

        assertThat(big.functionError()).contains("Unhandled");
        assertThat(JSON.readTree(big.payload()).path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
    }

    @Test
    void closingStopsTheContainersProcess() throws Exception {
        LocalFunction echo = function("echo", Duration.ofSeconds(5));
        long pid = JSON.readTree(echo.invoke(event("one")).payload()).path("pid").asLong();

        echo.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    }

    @Test
    void restoreNextIsNotFoundAsUnderTheEmulator() throws Exception {
        InvokeResult restore = function("restore", Duration.ofSeconds(5)).invoke(event("one"));

        assertThat(JSON.readTree(restore.payload()).path("restoreNext").asInt()).isEqualTo(404);
    }
}
