package dev.hover.runtime.cli;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code schedule:run}, which EventBridge sends every minute: runs, one after the other, every
 * schedule entry due in the current minute (UTC). An entry that fails does not stop the others; the
 * exit code is 1 when any failed. {@code schedule:run --at 2026-11-26T06:00:00Z} runs the entries of
 * that minute instead: the rule can pass its event's time, so a cold start that crosses a minute
 * boundary neither skips nor repeats a minute, and a missed minute can be run again by hand.
 */
final class ScheduleRunCommand implements Command {
    static final String NAME = "schedule:run";

    private final Supplier<List<ScheduledCommand>> schedule;
    private final CommandExecutor executor;
    private final Clock clock;

    ScheduleRunCommand(Supplier<List<ScheduledCommand>> schedule, CommandExecutor executor, Clock clock) {
        this.schedule = schedule;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the schedule entries due this minute";
    }

    @Override
    public int run(CommandContext context) throws InterruptedException {
        PrintWriter out = context.out();
        Instant at;
        try {
            at = at(context.args());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println("Usage: " + NAME + " [--at <ISO-8601 instant, e.g. 2026-11-26T06:00:00Z>]");
            return CommandResult.USAGE;
        }
        ZonedDateTime minute = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        List<ScheduledCommand> due = schedule.get().stream().filter(entry -> entry.isDue(minute)).toList();
        if (due.isEmpty()) {
            out.println("No scheduled commands are due at " + minute.toLocalDateTime() + " UTC.");
            return 0;
        }
        int failed = 0;
        for (ScheduledCommand entry : due) {
            out.println("Running '" + entry.command() + "' (" + entry.cron() + ")");
            int exitCode = runEntry(entry, context);
            out.println("'" + entry.command() + "' exited with " + exitCode);
            if (exitCode != 0) {
                failed++;
            }
        }
        out.println(due.size() + " scheduled command" + (due.size() == 1 ? "" : "s") + " ran at "
                + minute.toLocalDateTime() + " UTC, " + failed + " failed.");
        return failed == 0 ? 0 : 1;
    }

    private Instant at(List<String> args) {
        if (args.isEmpty()) {
            return clock.instant();
        }
        String value;
        if (args.size() == 2 && args.get(0).equals("--at")) {
            value = args.get(1);
        } else if (args.size() == 1 && args.get(0).startsWith("--at=")) {
            value = args.get(0).substring("--at=".length());
        } else {
            throw new IllegalArgumentException("Unexpected arguments " + args + ".");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at takes an ISO-8601 instant in UTC, not '" + value + "'.");
        }
    }

    private int runEntry(ScheduledCommand entry, CommandContext context) throws InterruptedException {
        List<String> words = CommandLine.split(entry.command());
        if (words.get(0).equals(NAME)) {
            context.out().println("A schedule entry cannot run " + NAME + " itself.");
            return CommandResult.USAGE;
        }
        // the entry's output reaches ours as it is printed: the executor passes it on to the running capture
        return executor.execute(entry.command(), context.deadline()).exitCode();
    }
}
