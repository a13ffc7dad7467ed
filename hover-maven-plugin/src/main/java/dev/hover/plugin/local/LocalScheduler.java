package dev.hover.plugin.local;

import dev.hover.plugin.aws.InvokeResult;
import dev.hover.plugin.command.CommandAnswer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The stage's EventBridge rule on this machine: at the start of every minute of {@code clock}, the cli
 * function gets {@code {"command": "schedule:run --at <minute>"}}, as the rule's input transformer
 * sends it the event's time. A minute whose invocation is still running when the next begins is not
 * sent twice; the next minute waits for the cli function, which takes one event at a time.
 */
final class LocalScheduler implements AutoCloseable {
    private final Clock clock;
    private final LocalFunction cli;
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    LocalScheduler(Clock clock, LocalFunction cli, Consumer<String> log) {
        this.clock = clock;
        this.cli = cli;
        this.log = log;
        this.thread = new Thread(this::loop, "hover-run-schedule");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            Instant now = clock.instant();
            Instant minute = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            try {
                Thread.sleep(Math.max(1, Duration.between(now, minute).toMillis()));
                run(minute);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.accept("schedule:run --at " + minute + " could not be sent to the cli function: " + e);
            }
        }
    }

    /** Sends one minute's {@code schedule:run}; a minute that ran something, or failed, is logged. */
    void run(Instant minute) throws InterruptedException {
        String commandLine = "schedule:run --at " + minute;
        InvokeResult result = cli.invoke(CommandAnswer.event(commandLine).getBytes(StandardCharsets.UTF_8));
        if (result.functionError().isPresent()) {
            log.accept(commandLine + ": the cli function failed: " + result.payload());
            return;
        }
        CommandAnswer answer = CommandAnswer.from(result, cli.name());
        // a minute with nothing due says nothing, as on AWS; what ran is in the [cli] lines too
        if (answer.exitCode() != 0 || !answer.output().isBlank()) {
            log.accept(commandLine + ": exit code " + answer.exitCode());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
