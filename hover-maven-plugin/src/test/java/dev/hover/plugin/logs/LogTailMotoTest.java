package dev.hover.plugin.logs;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.stage.StageSession;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:logs}'s service against moto's CloudWatch Logs, with events at known times. */
class LogTailMotoTest {
    private static MotoServer moto;

    // moto refuses events older than 14 days, so the stage's "now" is this machine's
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private MotoLogGroups groups;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void deployedStageWithLogs() throws Exception {
        moto.reset();
        MotoLogGroups.writeManifest(project, MotoServer.REGION);
        groups = new MotoLogGroups();
        // reports is in the manifest but was never deployed: no log group
        for (String function : List.of("shop-staging-http", "shop-staging-cli", "shop-staging-emails-queue")) {
            groups.create(function);
        }
        groups.put("shop-staging-emails-queue", ago(20), "old mail");
        groups.put("shop-staging-http", ago(5), "GET /orders 200");
        groups.put("shop-staging-emails-queue", ago(4), "mail sent to ada");
        groups.put("shop-staging-cli", ago(3), "reports:send done");
        groups.put("shop-staging-http", ago(1), "GET /cart 500");
    }

    @AfterEach
    void closeClient() {
        groups.close();
    }

    private Instant ago(int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private static String line(Instant time, String label, String message) {
        return time.toString().replace("Z", ".000Z") + "  " + label + "  " + message;
    }

    private void run(LogsRequest request, Sleeper sleeper) throws Exception {
        try (StageSession session = StageSession.open(project, "staging", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add)) {
            new LogTail(log::add, new PrintStream(printed, true, StandardCharsets.UTF_8), clock, sleeper).run(session, request);
        }
    }

    private void run(Optional<String> function, String since, Optional<String> filter) throws Exception {
        run(new LogsRequest(function, since, filter, false), duration -> {
            throw new AssertionError("only follow waits");
        });
    }

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void allFunctionsInterleavedByTime() throws Exception {
        run(Optional.empty(), "10m", Optional.empty());

        assertThat(lines()).containsExactly(
                line(ago(5), "http  ", "GET /orders 200"),
                line(ago(4), "emails", "mail sent to ada"),
                line(ago(3), "cli   ", "reports:send done"),
                line(ago(1), "http  ", "GET /cart 500"));
        assertThat(log).contains(
                "No logs yet for reports: no log group /aws/lambda/shop-staging-reports-queue (not deployed yet)",
                "Log events of http, cli, emails since " + ago(10));
    }

    @Test
    void oneFunctionByItsLabelOrItsLambdaName() throws Exception {
        run(Optional.of("emails"), "10m", Optional.empty());
        run(Optional.of("shop-staging-cli"), "10m", Optional.empty());

        assertThat(lines()).containsExactly(
                line(ago(4), "emails", "mail sent to ada"),
                line(ago(3), "cli", "reports:send done"));
    }

    @Test
    void sinceAnAgeOrAnInstant() throws Exception {
        run(Optional.empty(), "2m", Optional.empty());
        assertThat(lines()).containsExactly(line(ago(1), "http  ", "GET /cart 500"));

        printed.reset();
        run(Optional.of("emails"), "1d", Optional.empty());
        assertThat(lines()).containsExactly(
                line(ago(20), "emails", "old mail"),
                line(ago(4), "emails", "mail sent to ada"));

        printed.reset();
        run(Optional.empty(), ago(3).toString(), Optional.empty());
        assertThat(lines()).containsExactly(
                line(ago(3), "cli   ", "reports:send done"),
                line(ago(1), "http  ", "GET /cart 500"));
    }

    @Test
    void aFilterPatternOfTermsOrAPhrase() throws Exception {
        run(Optional.empty(), "10m", Optional.of("GET"));
        assertThat(lines()).containsExactly(
                line(ago(5), "http  ", "GET /orders 200"),
                line(ago(1), "http  ", "GET /cart 500"));

        printed.reset();
        run(Optional.empty(), "10m", Optional.of("\"cart 500\""));
        assertThat(lines()).containsExactly(line(ago(1), "http  ", "GET /cart 500"));
        assertThat(log).contains("Log events of http, cli, emails since " + ago(10) + " matching '\"cart 500\"'");
    }

    @Test
    void aMessageOfSeveralLinesIsIndentedUnderItsFirst() throws Exception {
        groups.put("shop-staging-cli", ago(2), "java.lang.IllegalStateException: boom\n\tat Reports.send(Reports.java:12)");

        run(Optional.of("cli"), "150s", Optional.empty());

        assertThat(lines()).containsExactly(
                line(ago(2), "cli", "java.lang.IllegalStateException: boom"),
                " ".repeat(24 + 2 + 3 + 2) + "\tat Reports.send(Reports.java:12)");
    }

    @Test
    void followPrintsANewEventOnceThenStopsWhenInterrupted() throws Exception {
        List<Duration> waits = new ArrayList<>();
        Sleeper sleeper = duration -> {
            waits.add(duration);
            if (waits.size() == 1) {
                groups.put("shop-staging-cli", now, "schedule:run 2 due");
            }
            if (waits.size() == 3) {
                throw new InterruptedException("Ctrl-C");
            }
        };

        run(new LogsRequest(Optional.of("cli"), "10m", Optional.empty(), true), sleeper);

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        // the second poll's window overlaps the first's: the new event is still printed once
        assertThat(lines()).containsExactly(
                line(ago(3), "cli", "reports:send done"),
                line(now, "cli", "schedule:run 2 due"));
    }

    @Test
    void anUnknownFunctionListsTheStagesFunctions() {
        assertThatThrownBy(() -> run(Optional.of("htp"), "10m", Optional.empty()))
                .isInstanceOf(LogsException.class)
                .hasMessage("hover.function: the stage staging has no function 'htp'; its functions are http, cli, emails, reports");
    }

    @Test
    void aBadSinceSaysWhatIsExpected() {
        assertThatThrownBy(() -> run(Optional.empty(), "10 minutes", Optional.empty()))
                .isInstanceOf(LogsException.class)
                .hasMessage("hover.since: '10 minutes' is neither an age like 10m, 2h or 1d (s, m, h, d) "
                        + "nor an instant like 2026-11-26T09:30:00Z");
        assertThat(log).as("refused before reading any log group: only the stage's opening line")
                .singleElement().asString().startsWith("Stage staging (shop-staging)");
    }

    @Test
    void aFunctionNotDeployedYetHasNoLogsYet() {
        assertThatThrownBy(() -> run(Optional.of("reports"), "10m", Optional.empty()))
                .isInstanceOf(LogsException.class)
                .hasMessage("No logs yet for reports: the log group /aws/lambda/shop-staging-reports-queue does not exist "
                        + "in us-east-1; the function is in the manifest but was not deployed: "
                        + "deploy the stage first (mvn deploy -Dhover.stage=staging)");
    }

    @Test
    void aStageNeverDeployedSaysToDeployItFirst() {
        moto.reset();

        assertThatThrownBy(() -> run(Optional.empty(), "10m", Optional.empty()))
                .isInstanceOf(LogsException.class)
                .hasMessage("The stage staging has no log groups in us-east-1 (/aws/lambda/shop-staging-*): "
                        + "deploy the stage first (mvn deploy -Dhover.stage=staging)");
    }

    @Test
    void noEventsInTheRangeIsSaidInTheLog() throws Exception {
        run(Optional.of("cli"), "1m", Optional.empty());

        assertThat(lines()).isEmpty();
        assertThat(log).contains("No log events since " + ago(1));
    }
}
