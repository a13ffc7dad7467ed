package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.Progress;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for published versions as Lambda reports them with SnapStart (Pending while the snapshot
 * is made, then Active or Failed), which moto cannot show: its versions are Active at once.
 */
class VersionsReadyStepTest {
    private final List<String> output = new ArrayList<>();
    private final Progress console = Progress.to(new ConsoleListener(output::add, line -> { }, false, ZoneOffset.UTC));
    private final ScriptedLambda lambda = new ScriptedLambda();
    /** Ten seconds pass between two readings of the clock. */
    private final Clock clock = new Clock() {
        private Instant now = Instant.parse("2026-12-01T18:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(10);
            return now;
        }
    };

    private VersionsReadyStep step(Duration timeout) {
        return new VersionsReadyStep(new Functions(lambda), clock, Duration.ZERO, timeout);
    }

    @Test
    void waitsForTheSnapshotsAndSaysWhenEachIsReady() {
        lambda.script("shop-dev-http:7", "Pending", "Pending", "Pending", "Active");
        lambda.script("shop-dev-cli:4", "Active");

        Steps.Outcome<Void> outcome = step(Duration.ofMinutes(20)).run(Map.of("shop-dev-http", "7", "shop-dev-cli", "4"),
                new LiveRelease(Map.of(), Optional.empty(), Optional.empty()), Set.of("shop-dev-http"), console);

        assertThat(outcome.summary()).isEqualTo("ready, snapshots of shop-dev-http made");
        assertThat(output).anyMatch(line -> line.contains("waiting for shop-dev-http:7 ("));
        assertThat(output).anyMatch(line -> line.matches(".*shop-dev-http:7: snapshot ready after \\d+ s"));
        assertThat(lambda.reads).containsOnlyKeys("shop-dev-http:7", "shop-dev-cli:4");
        assertThat(lambda.reads.get("shop-dev-cli:4")).isEqualTo(1);
    }

    @Test
    void aFailedSnapshotStopsTheDeployWithLambdasReason() {
        lambda.script("shop-dev-http:7", "Pending", "Failed");

        assertThatThrownBy(() -> step(Duration.ofMinutes(20)).run(Map.of("shop-dev-http", "7"),
                new LiveRelease(Map.of(), Optional.empty(), Optional.empty()), Set.of("shop-dev-http"), console))
                .isInstanceOf(DeployException.class)
                .hasMessage("shop-dev-http:7 failed to become ready (its SnapStart init and snapshot): "
                        + "FunctionError.RuntimeInitError: Runtime.BeforeCheckpointError. live still points at the "
                        + "previous versions; the init's output is in the log group /aws/lambda/shop-dev-http");
    }

    @Test
    void aVersionThatIsAlreadyLiveIsNotAskedAbout() {
        step(Duration.ofMinutes(20)).run(Map.of("shop-dev-http", "7"),
                new LiveRelease(Map.of("shop-dev-http", "7"), Optional.of("b1"), Optional.empty()), Set.of("shop-dev-http"), console);

        assertThat(lambda.reads).isEmpty();
    }

    @Test
    void givesUpAfterTheTimeoutSayingWhatIsStillPending() {
        lambda.script("shop-dev-http:7", "Pending", "Pending", "Pending", "Pending", "Pending");

        assertThatThrownBy(() -> step(Duration.ofSeconds(25)).run(Map.of("shop-dev-http", "7"),
                new LiveRelease(Map.of(), Optional.empty(), Optional.empty()), Set.of("shop-dev-http"), console))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("Still pending after 25 s: shop-dev-http:7. live still points at the previous versions");
    }

    /** GetFunctionConfiguration answers each version's next scripted state; the last one repeats. */
    private static final class ScriptedLambda implements LambdaClient {
        private final Map<String, Deque<String>> states = new HashMap<>();
        final Map<String, Integer> reads = new HashMap<>();

        void script(String qualifiedFunction, String... sequence) {
            states.put(qualifiedFunction, new ArrayDeque<>(List.of(sequence)));
        }

        @Override
        public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
            String key = request.functionName() + ":" + request.qualifier();
            reads.merge(key, 1, Integer::sum);
            Deque<String> sequence = states.get(key);
            String state = sequence.size() > 1 ? sequence.poll() : sequence.peek();
            GetFunctionConfigurationResponse.Builder response = GetFunctionConfigurationResponse.builder().state(state);
            if (state.equals("Failed")) {
                response.stateReasonCode("FunctionError.RuntimeInitError").stateReason("Runtime.BeforeCheckpointError");
            }
            return response.build();
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public void close() {
        }
    }
}
