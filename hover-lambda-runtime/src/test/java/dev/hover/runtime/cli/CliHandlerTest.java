package dev.hover.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.ScheduleEntry;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 12:30 on a Thursday. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:30:20Z"), ZoneOffset.UTC);

    private final CommandRegistry commands = new CommandRegistry();
    private final ScheduleRegistry schedule = new ScheduleRegistry();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private CliHandler handler(List<ScheduleEntry> manifestSchedule) {
        commands.register(Command.of("record", "Records its arguments", context -> {
            ran.add(String.join(" ", context.args()));
            context.out().println("recorded " + context.args());
            return 0;
        }));
        return CliHandler.create(commands, schedule, manifestSchedule, CLOCK, getClass().getClassLoader());
    }

    private JsonNode run(CliHandler handler, String command, Duration timeLeft) throws Exception {
        String event = JSON.writeValueAsString(JSON.createObjectNode().put("command", command));
        long deadline = System.currentTimeMillis() + timeLeft.toMillis();
        byte[] answer = handler.handle(new Invocation("request-1", deadline, "arn:aws:lambda:us-east-1:123456789012:function:app-cli",
                null, event.getBytes(StandardCharsets.UTF_8)));
        return JSON.readTree(new String(answer, StandardCharsets.UTF_8));
    }

    private JsonNode run(CliHandler handler, String command) throws Exception {
        return run(handler, command, Duration.ofMinutes(1));
    }

    @Test
    void runsARegisteredCommandWithItsArgumentsAndCapturesAllItsOutput() throws Exception {
        commands.register(Command.of("greet", "Greets", context -> {
            context.out().println("Hello, " + context.args().get(0) + "!");
            System.out.println("args: " + context.args());
            System.err.println("a warning");
            context.out().print("bye");
            return 3;
        }));
        JsonNode answer = run(handler(List.of()), "greet 'Zoë Ångström' --loud \"x y\"");

        assertThat(answer.get("exitCode").asInt()).isEqualTo(3);
        assertThat(answer.get("output").asText())
                .isEqualTo("Hello, Zoë Ångström!\nargs: [Zoë Ångström, --loud, x y]\na warning\nbye");
    }

    @Test
    void threadsTheCommandStartsAreCapturedButTheApplicationsOtherThreadsAreNot() throws Exception {
        CliHandler handler = handler(List.of());
        CountDownLatch commandRunning = new CountDownLatch(1);
        CountDownLatch applicationPrinted = new CountDownLatch(1);
        Thread application = new Thread(() -> {
            try {
                commandRunning.await();
                System.out.println("from the application's own thread");
                applicationPrinted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        application.start();
        commands.register(Command.of("spawn", "", context -> {
            commandRunning.countDown();
            applicationPrinted.await();
            Thread helper = new Thread(() -> System.out.println("from a thread the command started"));
            helper.start();
            helper.join();
            return 0;
        }));

        JsonNode answer = run(handler, "spawn");
        application.join();

        assertThat(answer.get("output").asText()).isEqualTo("from a thread the command started\n");
    }

    /** Listed in a services file, as an application's jar would list it. */
    public static final class VersionCommand implements Command {
        @Override
        public String name() {
            return "app:version";
        }

        @Override
        public int run(CommandContext context) {
            context.out().println("1.2.3");
            return 0;
        }
    }

    @Test
    void commandsListedAsServicesAreRegistered(@TempDir Path jar) throws Exception {
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve(Command.class.getName()), "# the application's commands\n" + VersionCommand.class.getName() + "\n");
        try (URLClassLoader application = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            CliHandler handler = CliHandler.create(commands, schedule, List.of(), CLOCK, application);

            JsonNode answer = run(handler, "app:version");

            assertThat(answer.get("exitCode").asInt()).isZero();
            assertThat(answer.get("output").asText()).isEqualTo("1.2.3\n");
        }
    }

    @Test
    void anUnknownCommandFailsAndListsTheKnownOnes() throws Exception {
        JsonNode answer = run(handler(List.of()), "reports:sned --all");

        assertThat(answer.get("exitCode").asInt()).isEqualTo(127);
        assertThat(answer.get("output").asText()).isEqualTo("""
                Unknown command 'reports:sned'.
                Known commands:
                  record         Records its arguments
                  schedule:list  Lists the schedule entries (cron, command, origin)
                  schedule:run   Runs the schedule entries due this minute
                """);
    }

    @Test
    void aLineThatDoesNotSplitIsAUsageError() throws Exception {
        JsonNode answer = run(handler(List.of()), "record 'oops");

        assertThat(answer.get("exitCode").asInt()).isEqualTo(2);
        assertThat(answer.get("output").asText()).isEqualTo("Cannot read the command line: unterminated single quote starting at column 8\n");
        assertThat(ran).isEmpty();
    }

    @Test
    void aCommandThatThrowsExitsWithOneAndShowsTheStackTrace() throws Exception {
        commands.register(Command.of("boom", "", context -> {
            System.out.println("starting");
            throw new IllegalStateException("the database is gone");
        }));
        JsonNode answer = run(handler(List.of()), "boom");

        assertThat(answer.get("exitCode").asInt()).isEqualTo(1);
        assertThat(answer.get("output").asText())
                .startsWith("starting\nCommand 'boom' failed: java.lang.IllegalStateException: the database is gone\n")
                .contains("at dev.hover.runtime.cli.CliHandlerTest");
    }

    @Test
    void aCommandThatClosesItsWriterStillGetsTheRuntimesMessages() throws Exception {
        commands.register(Command.of("closer", "", context -> {
            context.out().println("done with output");
            context.out().close();
            throw new IllegalStateException("and then failed");
        }));
        JsonNode answer = run(handler(List.of()), "closer");

        assertThat(answer.get("exitCode").asInt()).isEqualTo(1);
        assertThat(answer.get("output").asText())
                .startsWith("done with output\nCommand 'closer' failed: java.lang.IllegalStateException: and then failed\n");
    }

    @Test
    void aCommandThatWouldOutliveTheDeadlineIsInterrupted() throws Exception {
        commands.register(Command.of("sleepy", "", context -> {
            System.out.println("sleeping");
            Thread.sleep(60_000);
            return 0;
        }));
        JsonNode answer = run(handler(List.of()), "sleepy", Duration.ofMillis(1_800));

        assertThat(answer.get("exitCode").asInt()).isEqualTo(124);
        assertThat(answer.get("output").asText())
                .startsWith("sleeping\nCommand 'sleepy' was stopped: it would have run past the function's deadline (")
                .doesNotContain("may still be running");
    }

    @Test
    void aCommandThatIgnoresTheInterruptIsGivenUpOn() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        commands.register(Command.of("stubborn", "", context -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return 0;
        }));
        try {
            long started = System.nanoTime();
            JsonNode answer = run(handler(List.of()), "stubborn", Duration.ofMillis(1_500));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
            assertThat(answer.get("exitCode").asInt()).isEqualTo(124);
            assertThat(answer.get("output").asText()).endsWith("It did not end when interrupted and may still be running.\n");
        } finally {
            release.set(true);
        }
    }

    @Test
    void scheduleRunRunsTheManifestsAndTheApplicationsEntriesDueThisMinute() throws Exception {
        CliHandler handler = handler(List.of(
                new ScheduleEntry("30 12 * * *", "record manifest-due"),
                new ScheduleEntry("31 12 * * *", "record manifest-not-due"),
                new ScheduleEntry("* * * * FRI", "record not-on-thursday")));
        schedule.register("*/15 * * * *", "record 'app due'");
        schedule.register("0 * * * *", "record app-not-due");

        JsonNode answer = run(handler, "schedule:run");

        assertThat(ran).containsExactly("manifest-due", "app due");
        assertThat(answer.get("exitCode").asInt()).isZero();
        assertThat(answer.get("output").asText()).isEqualTo("""
                Running 'record manifest-due' (30 12 * * *)
                recorded [manifest-due]
                'record manifest-due' exited with 0
                Running 'record 'app due'' (*/15 * * * *)
                recorded [app due]
                'record 'app due'' exited with 0
                2 scheduled commands ran at 2026-11-26T12:30 UTC, 0 failed.
                """);
    }

    @Test
    void scheduleRunWithNothingDueSaysSo() throws Exception {
        CliHandler handler = handler(List.of(new ScheduleEntry("0 0 1 1 *", "record new-year")));

        JsonNode answer = run(handler, "schedule:run");

        assertThat(ran).isEmpty();
        assertThat(answer.get("exitCode").asInt()).isZero();
        assertThat(answer.get("output").asText()).isEqualTo("No scheduled commands are due at 2026-11-26T12:30 UTC.\n");
    }

    @Test
    void aFailingEntryDoesNotStopTheOthersAndFailsTheRun() throws Exception {
        commands.register(Command.of("fail", "", context -> {
            throw new IllegalStateException("no mail server");
        }));
        CliHandler handler = handler(List.of(
                new ScheduleEntry("* * * * *", "record first"),
                new ScheduleEntry("* * * * *", "fail"),
                new ScheduleEntry("* * * * *", "missing:command"),
                new ScheduleEntry("* * * * *", "record last")));

        JsonNode answer = run(handler, "schedule:run");

        assertThat(ran).containsExactly("first", "last");
        assertThat(answer.get("exitCode").asInt()).isEqualTo(1);
        assertThat(answer.get("output").asText())
                .contains("'fail' exited with 1", "no mail server", "Unknown command 'missing:command'.",
                        "'missing:command' exited with 127", "recorded [last]")
                .endsWith("4 scheduled commands ran at 2026-11-26T12:30 UTC, 2 failed.\n");
    }

    @Test
    void scheduleRunAtAGivenMinuteRunsThatMinutesEntries() throws Exception {
        CliHandler handler = handler(List.of(
                new ScheduleEntry("0 6 * * *", "record six"),
                new ScheduleEntry("30 12 * * *", "record now")));

        JsonNode answer = run(handler, "schedule:run --at 2026-11-27T06:00:59Z");

        assertThat(ran).containsExactly("six");
        assertThat(answer.get("output").asText()).endsWith("1 scheduled command ran at 2026-11-27T06:00 UTC, 0 failed.\n");
        assertThat(run(handler, "schedule:run --at=2026-11-27T12:30:00Z").get("exitCode").asInt()).isZero();
        assertThat(ran).containsExactly("six", "now");
    }

    @Test
    void scheduleRunRefusesArgumentsItDoesNotKnow() throws Exception {
        CliHandler handler = handler(List.of(new ScheduleEntry("* * * * *", "record any")));

        JsonNode answer = run(handler, "schedule:run --at yesterday");

        assertThat(ran).isEmpty();
        assertThat(answer.get("exitCode").asInt()).isEqualTo(2);
        assertThat(answer.get("output").asText()).isEqualTo("""
                --at takes an ISO-8601 instant in UTC, not 'yesterday'.
                Usage: schedule:run [--at <ISO-8601 instant, e.g. 2026-11-26T06:00:00Z>]
                """);
    }

    @Test
    void scheduleListShowsEveryEntryAndWhereItComesFrom() throws Exception {
        CliHandler handler = handler(List.of(new ScheduleEntry("@daily", "record nightly")));
        schedule.register("*/5 * * * *", "record often");

        JsonNode answer = run(handler, "schedule:list");

        assertThat(answer.get("output").asText()).isEqualTo("""
                @daily       record nightly  (manifest)
                */5 * * * *  record often  (application)
                """);
    }

    @Test
    void anInvalidScheduleRegistrationIsRefusedAtOnce() {
        assertThatThrownBy(() -> schedule.register("61 * * * *", "record x"))
                .hasMessageContaining("minute field");
    }

    @Test
    void aCommandNameIsRegisteredOnce() {
        handler(List.of());
        assertThatThrownBy(() -> commands.register(Command.of("record", "", context -> 0)))
                .hasMessageStartingWith("command 'record' is registered twice");
    }

    @Test
    void anEventWithoutACommandIsAnInvocationError() {
        CliHandler handler = handler(List.of());
        assertThatThrownBy(() -> handler.handle(new Invocation("r", System.currentTimeMillis() + 60_000, "arn", null,
                "{\"warmer\": true}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the cli function expects {\"command\": \"name arg…\"}, got: {\"warmer\": true}");
    }
}
