package dev.hover.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeInterfaceEmulatorTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @Test
    void runsABootstrapAndReturnsItsAnswersOneAtATime() throws Exception {
        try (EmulatedFunction function = LocalAws.rie().start(List.of(JAVA, bootstrap()),
                Map.of("GREETING", "hello", "AWS_LAMBDA_FUNCTION_TIMEOUT", "60"))) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> function.invoke("{\"n\":1}"));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> function.invoke("{\"n\":2}"));

            assertThat(first.get()).isEqualTo("{\"n\":1}");
            assertThat(second.get()).isEqualTo("{\"n\":2}");
            assertThat(function.output())
                    .contains("echo bootstrap started for " + RuntimeInterfaceEmulator.DEFAULT_FUNCTION_NAME
                            + " with GREETING=hello")
                    .contains("event {\"n\":1}", "event {\"n\":2}");
        }
    }

    @Test
    void givesTheFunctionTheTimeoutItWasGiven() throws Exception {
        try (EmulatedFunction function = LocalAws.rie().start(List.of(JAVA, bootstrap(), "slow"),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "2"))) {
            assertThat(function.invoke("{}")).contains("Task timed out after 2.00 seconds");
        }
    }

    private String bootstrap() throws Exception {
        return Path.of(getClass().getResource("/EchoBootstrap.java").toURI()).toString();
    }
}
