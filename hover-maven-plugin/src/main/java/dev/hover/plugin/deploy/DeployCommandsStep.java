package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.command.CliFunction;
import dev.hover.plugin.command.CommandAnswer;
import dev.hover.plugin.command.CommandException;
import dev.hover.plugin.events.Progress;

import java.util.List;

/**
 * Runs the manifest's {@code deploy-commands} on the new cli version, in order, printing their
 * output; the first that fails stops the deploy before anything goes live.
 */
final class DeployCommandsStep {
    private final Functions functions;

    DeployCommandsStep(Functions functions) {
        this.functions = functions;
    }

    Steps.Outcome<Void> run(List<String> commands, String cliFunction, String version, Progress progress) {
        if (commands.isEmpty()) {
            return Steps.Outcome.of(null, "none");
        }
        CliFunction cli = new CliFunction(functions, cliFunction);
        for (String command : commands) {
            progress.line("$ " + command);
            CommandAnswer answer;
            try {
                answer = cli.run(version, command);
            } catch (CommandException e) {
                throw stopped(command, e.getMessage());
            }
            answer.output().lines().forEach(line -> progress.line("  " + line));
            if (answer.exitCode() != 0) {
                throw stopped(command, "it exited with " + answer.exitCode());
            }
        }
        return Steps.Outcome.of(null, commands.size() + " command(s) succeeded");
    }

    private static DeployException stopped(String command, String why) {
        return new DeployException("The deploy command `" + command + "` failed: " + why
                + ". Nothing was released: live still points at the previous versions.");
    }
}
