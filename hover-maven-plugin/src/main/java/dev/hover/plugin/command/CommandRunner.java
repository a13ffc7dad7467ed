package dev.hover.plugin.command;

import dev.hover.model.Names;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.stage.StageSession;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * {@code hover:command} without Maven: runs one command line on the stage's cli function (its
 * {@code live} alias, so the release that serves the stage) and prints the command's output as
 * the command wrote it.
 */
public final class CommandRunner {
    private final Consumer<String> log;
    private final PrintStream out;

    /**
     * @param log gets what the goal says about itself (the stage, the function)
     * @param out gets the command's output, and nothing else
     */
    public CommandRunner(Consumer<String> log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    /**
     * @param commandLine e.g. {@code reports:send --daily}, not blank; the cli function splits it
     * @return the command's exit code, once its output is printed
     * @throws CommandException                             when the stage has no live cli
     *                                                      function, or the function failed
     * @throws dev.hover.plugin.aws.AwsException             when AWS refused, with what to do about it
     */
    public int run(StageSession session, String commandLine) {
        String stage = session.manifest().stage();
        String function = Names.of(session.manifest()).cliFunction();
        Functions functions = new Functions(session.clients().lambda());
        // Lambda's own answer to a missing function or alias would not say that the stage was never deployed.
        String version = functions.aliasVersion(function, Names.LIVE_ALIAS).orElseThrow(() -> new CommandException(
                "The stage " + stage + " has no cli function " + function + " with a " + Names.LIVE_ALIAS
                        + " alias in " + session.manifest().region() + ": deploy the stage first (mvn deploy -Dhover.stage="
                        + stage + ")"));
        log.accept("$ " + commandLine + "   (" + function + ":" + Names.LIVE_ALIAS + ", version " + version + ")");
        CommandAnswer answer = new CliFunction(functions, function).run(Names.LIVE_ALIAS, commandLine);
        answer.printTo(out);
        return answer.exitCode();
    }
}
