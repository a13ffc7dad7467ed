package dev.hover.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.hover.maven.MojoProjects.in;
import static dev.hover.maven.MojoProjects.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code -Dhover.output=json} as Maven runs a goal: standard output gets one JSON object per event,
 * the last one the goal's outcome, for successes, failures and skips alike (docs/parameters.md).
 */
@MojoTest
class JsonOutputTest {
    @Inject
    MavenSession session;

    @TempDir
    Path project;

    @RegisterExtension
    final StandardOutCapture standardOut = new StandardOutCapture();

    @BeforeEach
    void json() {
        session.getUserProperties().setProperty("hover.output", "json");
    }

    /** Every line of standard output that is not Maven's log must be one JSON object with the common fields. */
    private List<JsonNode> events() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : standardOut.printed().lines().filter(l -> !l.startsWith("[")).toList()) {
            JsonNode event = json.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("event").asText()).as(line).isNotEmpty();
            assertThat(event.path("goal").asText()).as(line).startsWith("hover:");
            assertThat(event.path("time").asText()).as(line).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            events.add(event);
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    private JsonNode outcome() throws Exception {
        List<JsonNode> events = events();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("event").asText()).isEqualTo("outcome");
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("outcome"))).hasSize(1);
        return last;
    }

    @Test
    @InjectMojo(goal = "synth", pom = ParameterWiringTest.PLAIN)
    void aSuccessEndsWithItsResult(SynthMojo mojo) throws Exception {
        stage(project, "staging");
        session.getUserProperties().setProperty("hover.stage", "staging");

        in(project, mojo).execute();

        JsonNode outcome = outcome();
        assertThat(outcome.path("goal").asText()).isEqualTo("hover:synth");
        assertThat(outcome.path("outcome").asText()).isEqualTo("success");
        assertThat(outcome.path("stage").asText()).isEqualTo("staging");
        assertThat(outcome.path("seconds").isNumber()).isTrue();
        assertThat(outcome.at("/result/template").asText()).endsWith("target/hover/staging/template.json");
        assertThat(outcome.has("error")).isFalse();
        assertThat(events()).anySatisfy(event -> {
            assertThat(event.path("event").asText()).isEqualTo("line");
            assertThat(event.path("text").asText()).startsWith("Wrote the template of stage staging");
        });
    }

    @Test
    @InjectMojo(goal = "synth", pom = ParameterWiringTest.PLAIN)
    void aFailureEndsWithTheErrorsKindAndMessage(SynthMojo mojo) throws Exception {
        session.getUserProperties().setProperty("hover.stage", "qa");

        assertThatThrownBy(() -> in(project, mojo).execute()).isInstanceOf(MojoFailureException.class);

        JsonNode outcome = outcome();
        assertThat(outcome.path("outcome").asText()).isEqualTo("failure");
        assertThat(outcome.at("/error/kind").asText()).isEqualTo("synth");
        assertThat(outcome.at("/error/message").asText())
                .isEqualTo("there is no stage 'qa': .hover/qa.yml does not exist; create it with mvn hover:stage-new -Dhover.stage=qa");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = ParameterWiringTest.PLAIN)
    void aMistypedPropertyIsAParameterFailure(RollbackMojo mojo) throws Exception {
        session.getUserProperties().setProperty("hover.stage", "staging");
        session.getUserProperties().setProperty("hover.dryrun", "true");

        assertThatThrownBy(() -> in(project, mojo).execute()).isInstanceOf(MojoFailureException.class);

        JsonNode outcome = outcome();
        assertThat(outcome.path("outcome").asText()).isEqualTo("failure");
        assertThat(outcome.at("/error/kind").asText()).isEqualTo("parameter");
        assertThat(outcome.at("/error/message").asText()).contains("did you mean hover.dryRun?");
    }

    @Test
    @InjectMojo(goal = "synth", pom = ParameterWiringTest.PLAIN)
    void aSkipSaysWhy(SynthMojo mojo) throws Exception {
        session.getUserProperties().setProperty("hover.skip", "true");

        in(project, mojo).execute();

        JsonNode outcome = outcome();
        assertThat(outcome.path("outcome").asText()).isEqualTo("skipped");
        assertThat(outcome.path("reason").asText()).isEqualTo("hover.skip is set: hover:synth skipped");
    }

    @Test
    @InjectMojo(goal = "synth", pom = ParameterWiringTest.PLAIN)
    void anUnknownFormatIsRefused(SynthMojo mojo) {
        session.getUserProperties().setProperty("hover.output", "yaml");

        assertThatThrownBy(() -> in(project, mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.output is 'yaml'; it takes text or json");
    }
}
