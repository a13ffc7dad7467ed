package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.StackChange;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.Progress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryFormatTest {
    private static DeploySummary released() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("shop-prod-http", "7");
        versions.put("shop-prod-cli", "7");
        return new DeploySummary("20261126T174500Z-3f9a2c", "production", "shop-prod", "eu-west-1", false, true,
                Optional.of("https://shop.example.com"), Optional.of("d111111abcdef8.cloudfront.net"),
                Optional.of("https://abc123.execute-api.eu-west-1.amazonaws.com"), Optional.of("repo@sha256:1"), versions,
                List.of(new StackChange("Modify", "HttpFunction", "AWS::Lambda::Function", "False")),
                List.of(new StepTiming("Image", Duration.ofMillis(4200)), new StepTiming("Release", Duration.ofMillis(300))),
                Duration.ofMillis(61_300));
    }

    @Test
    void theTextNamesTheBuildTheStageTheAddressesAndEveryStepsTime() {
        List<String> text = SummaryFormat.text(released());

        assertThat(text.get(0)).isEqualTo("Released.");
        assertThat(text).contains("  build id:   20261126T174500Z-3f9a2c", "  CDN domain: d111111abcdef8.cloudfront.net",
                "  API URL:    https://abc123.execute-api.eu-west-1.amazonaws.com", "  URL:        https://shop.example.com");
        assertThat(text).anyMatch(line -> line.matches(" +Image +4\\.2 s"));
        assertThat(text).anyMatch(line -> line.matches(" +total +61\\.3 s"));
        assertThat(String.join("\n", text)).doesNotContain("\u001b").matches("\\p{ASCII}*");
    }

    @Test
    void theJsonIsOneDocumentWithTheSameFacts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SummaryFormat.json(released()));

        assertThat(json.path("buildId").asText()).isEqualTo("20261126T174500Z-3f9a2c");
        assertThat(json.path("released").asBoolean()).isTrue();
        assertThat(json.path("cdnDomain").asText()).isEqualTo("d111111abcdef8.cloudfront.net");
        assertThat(json.path("versions").path("shop-prod-cli").asText()).isEqualTo("7");
        assertThat(json.path("stackChanges").get(0).path("logicalId").asText()).isEqualTo("HttpFunction");
        assertThat(json.path("steps").get(0).path("seconds").asDouble()).isEqualTo(4.2);
        assertThat(SummaryFormat.json(released())).doesNotContain("\n");
    }

    @Test
    void colourOnlyOnATerminal() {
        List<String> plain = new ArrayList<>();
        List<String> coloured = new ArrayList<>();
        Progress.to(new ConsoleListener(plain::add, line -> { }, false, ZoneOffset.UTC)).failure("stack failed");
        Progress.to(new ConsoleListener(coloured::add, line -> { }, true, ZoneOffset.UTC)).failure("stack failed");

        assertThat(plain).containsExactly("    FAILED: stack failed");
        assertThat(coloured.get(0)).contains("\u001b[31m").contains("stack failed");
    }
}
