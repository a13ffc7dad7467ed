package dev.hover.runtime.cli;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;
import dev.hover.runtime.worker.TimeBox;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs one command line: splits it, finds the command, runs it time-boxed with its output captured. */
public final class CommandExecutor {
    /** A command is stopped this long before its deadline, so the answer still gets out in time. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(1);
    /** How long an interrupted command gets to end before it is given up on. */
    static final Duration GRACE = Duration.ofMillis(500);

    private final CommandRegistry registry;
    private final TimeBox timeBox;

    public CommandExecutor(CommandRegistry registry, TimeBox timeBox) {
        this.registry = registry;
        this.timeBox = timeBox;
    }

    /** @param deadline when the answer must be out (the invocation's deadline) */
    public CommandResult execute(String line, Instant deadline) throws InterruptedException {
        List<String> words;
        try {
            words = CommandLine.split(line);
        } catch (IllegalArgumentException e) {
            return new CommandResult(CommandResult.USAGE, "Cannot read the command line: " + e.getMessage() + "\n");
        }
        if (words.isEmpty()) {
            return new CommandResult(CommandResult.USAGE, "No command given.\n" + knownCommands());
        }
        String name = words.get(0);
        Command command = registry.find(name).orElse(null);
        if (command == null) {
            return new CommandResult(CommandResult.UNKNOWN, "Unknown command '" + name + "'.\n" + knownCommands());
        }
        return run(command, words.subList(1, words.size()), deadline);
    }

    private CommandResult run(Command command, List<String> args, Instant deadline) throws InterruptedException {
        CapturedOutput output = new CapturedOutput(ConsoleRouting.current());
        Instant stopAt = deadline.minus(STOP_MARGIN);
        PrintWriter out = new PrintWriter(output.writer(), true);
        CommandContext context = new RunningCommand(List.copyOf(args), out, stopAt);
        TimeBox.Outcome<Integer> outcome =
                timeBox.run(() -> ConsoleRouting.capturing(output, () -> command.run(context)), stopAt, GRACE);
        int exitCode;
        if (outcome instanceof TimeBox.Completed<Integer> completed) {
            exitCode = completed.value();
        } else if (outcome instanceof TimeBox.Failed<Integer> failed) {
            exitCode = 1;
            out.println("Command '" + command.name() + "' failed: " + failed.cause());
            out.print(stackTrace(failed.cause()));
        } else {
            exitCode = CommandResult.TIMED_OUT;
            boolean stopped = ((TimeBox.TimedOut<Integer>) outcome).stopped();
            out.println("Command '" + command.name() + "' was stopped: it would have run past the function's deadline ("
                    + stopAt + ")." + (stopped ? "" : " It did not end when interrupted and may still be running."));
        }
        out.flush();
        return new CommandResult(exitCode, output.text());
    }

    /** The list shown when a command is missing or unknown. */
    public String knownCommands() {
        StringBuilder list = new StringBuilder("Known commands:\n");
        List<Command> commands = registry.all();
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : commands) {
            list.append("  ").append(c.name());
            if (!c.description().isEmpty()) {
                list.append(" ".repeat(width - c.name().length() + 2)).append(c.description());
            }
            list.append('\n');
        }
        return list.toString();
    }

    private static String stackTrace(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private record RunningCommand(List<String> args, PrintWriter out, Instant deadline) implements CommandContext {
    }
}
