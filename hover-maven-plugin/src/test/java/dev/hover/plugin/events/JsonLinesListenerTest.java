package dev.hover.plugin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.StackEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event as the JSON object docs/parameters.md documents, one per line. */
class JsonLinesListenerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Progress progress = Progress.to(new JsonLinesListener(
            new PrintStream(printed, true, StandardCharsets.UTF_8), "hover:deploy", Clock.fixed(NOW, ZoneOffset.UTC)));

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void everyEventHasItsNameTheTimeTheGoalAndItsFields() throws Exception {
        progress.step("Image");
        progress.stepDone("Image", Duration.ofMillis(4_240), "pushed");
        progress.stepFailed("Stack shop-dev", Duration.ofSeconds(2), "refused");
        progress.plain("Stage dev (shop-dev) in eu-west-1");
        progress.line("Modify  HttpFunction");
        progress.warning("AWS_REGION is us-east-1");
        progress.failure("HttpFunction: limit");
        progress.stackEvent(new StackEvent("e1", NOW, "HttpFunction", "AWS::Lambda::Function", "UPDATE_FAILED", "limit"));
        progress.progress(40);
        progress.debug("left out");

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.path("event").asText()).containsExactly("step-started", "step-finished",
                "step-failed", "line", "detail", "warning", "failure", "stack-event", "image-progress");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("time").asText()).isEqualTo("2026-12-01T20:00:00Z");
            assertThat(line.path("goal").asText()).isEqualTo("hover:deploy");
        });
        assertThat(lines.get(0).path("step").asText()).isEqualTo("Image");
        assertThat(lines.get(1).path("seconds").asDouble()).isEqualTo(4.2);
        assertThat(lines.get(1).path("result").asText()).isEqualTo("pushed");
        assertThat(lines.get(2).path("message").asText()).isEqualTo("refused");
        assertThat(lines.get(3).path("text").asText()).isEqualTo("Stage dev (shop-dev) in eu-west-1");
        assertThat(lines.get(4).path("text").asText()).isEqualTo("Modify  HttpFunction");
        assertThat(lines.get(7).path("logicalId").asText()).isEqualTo("HttpFunction");
        assertThat(lines.get(7).path("resourceType").asText()).isEqualTo("AWS::Lambda::Function");
        assertThat(lines.get(7).path("status").asText()).isEqualTo("UPDATE_FAILED");
        assertThat(lines.get(7).path("reason").asText()).isEqualTo("limit");
        assertThat(lines.get(7).path("at").asText()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(lines.get(8).path("percent").asInt()).isEqualTo(40);
    }

    @Test
    void theOutcomeCarriesTheResultOrTheError() throws Exception {
        progress.emit(new GoalEvent.GoalEnded(GoalEvent.Outcome.SUCCESS, Optional.of("dev"), Duration.ofSeconds(61),
                Optional.of(Map.of("buildId", "b1")), Optional.empty(), Optional.empty()));
        progress.emit(new GoalEvent.GoalEnded(GoalEvent.Outcome.FAILURE, Optional.empty(), Duration.ZERO, Optional.empty(),
                Optional.of(new GoalEvent.Error("manifest", ".hover/dev.yml:1:1: …")), Optional.empty()));

        List<JsonNode> lines = lines();
        assertThat(lines.get(0).path("outcome").asText()).isEqualTo("success");
        assertThat(lines.get(0).path("stage").asText()).isEqualTo("dev");
        assertThat(lines.get(0).path("seconds").asDouble()).isEqualTo(61.0);
        assertThat(lines.get(0).at("/result/buildId").asText()).isEqualTo("b1");
        assertThat(lines.get(1).path("outcome").asText()).isEqualTo("failure");
        assertThat(lines.get(1).has("stage")).isFalse();
        assertThat(lines.get(1).at("/error/kind").asText()).isEqualTo("manifest");
        assertThat(lines.get(1).at("/error/message").asText()).isEqualTo(".hover/dev.yml:1:1: …");
    }

    @Test
    void theConsoleIsPlainWithoutColourAndColouredWithIt() {
        List<String> plain = new ArrayList<>();
        List<String> coloured = new ArrayList<>();
        Progress.to(new ConsoleListener(plain::add, line -> { }, false, ZoneOffset.UTC),
                new ConsoleListener(coloured::add, line -> { }, true, ZoneOffset.UTC)).step("Image");

        assertThat(plain).containsExactly("==> Image");
        assertThat(coloured.get(0)).isEqualTo("\u001b[1m==> Image\u001b[0m");
    }
}
