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

    /**
     * @param deadline when the answer must be out (the invocation's deadline)
     * @return the exit code and the output, which is also passed on as it is printed (to the function's
     *         log, or to the command that runs this one)
     */
    public CommandResult execute(String line, Instant deadline) throws InterruptedException {
        CapturedOutput output = new CapturedOutput(ConsoleRouting.current());
        PrintWriter out = new PrintWriter(output.writer(), true);
        int exitCode = execute(line, deadline, output, out);
        out.flush();
        return new CommandResult(exitCode, output.text());
    }

    private int execute(String line, Instant deadline, CapturedOutput output, PrintWriter out) throws InterruptedException {
        List<String> words;
        try {
            words = CommandLine.split(line);
        } catch (IllegalArgumentException e) {
            out.println("Cannot read the command line: " + e.getMessage());
            return CommandResult.USAGE;
        }
        if (words.isEmpty()) {
            out.print("No command given.\n" + knownCommands());
            return CommandResult.USAGE;
        }
        String name = words.get(0);
        Command command = registry.find(name).orElse(null);
        if (command == null) {
            out.print("Unknown command '" + name + "'.\n" + knownCommands());
            return CommandResult.UNKNOWN;
        }
        Instant stopAt = deadline.minus(STOP_MARGIN);
        // its own writer: a command that closes it must not silence what the runtime adds below
        PrintWriter commandOut = new PrintWriter(output.writer(), true);
        CommandContext context = new RunningCommand(List.copyOf(words.subList(1, words.size())), commandOut, stopAt);
        TimeBox.Outcome<Integer> outcome =
                timeBox.run(() -> ConsoleRouting.capturing(output, () -> command.run(context)), stopAt, GRACE);
        if (outcome instanceof TimeBox.Completed<Integer> completed) {
            return completed.value();
        }
        if (outcome instanceof TimeBox.Failed<Integer> failed) {
            out.println("Command '" + name + "' failed: " + failed.cause());
            out.print(stackTrace(failed.cause()));
            return 1;
        }
        boolean stopped = ((TimeBox.TimedOut<Integer>) outcome).stopped();
        out.println("Command '" + name + "' was stopped: it would have run past the function's deadline ("
                + stopAt + ")." + (stopped ? "" : " It did not end when interrupted and may still be running."));
        return CommandResult.TIMED_OUT;
    }

    /** The list shown when a command is missing or unknown. */
    private String knownCommands() {
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
