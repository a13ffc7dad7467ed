package dev.hover.plugin.command;

import dev.hover.model.Names;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.stage.StageSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hover:command} without Maven: runs one command line on the stage's cli function (its
 * {@code live} alias, so the release that serves the stage) and prints the command's output as
 * the command wrote it.
 */
public final class CommandRunner {
    private final Path projectDirectory;
    private final CredentialsResolver credentials;
    private final Consumer<String> log;
    private final PrintStream out;

    /**
     * @param log gets what the goal says about itself (the stage, the function)
     * @param out gets the command's output, and nothing else
     */
    public CommandRunner(Path projectDirectory, CredentialsResolver credentials, Consumer<String> log, PrintStream out) {
        this.projectDirectory = projectDirectory;
        this.credentials = credentials;
        this.log = log;
        this.out = out;
    }

    /**
     * @param profile     {@code -Dhover.profile}, which wins over the manifest's {@code aws-profile}
     * @param commandLine e.g. {@code reports:send --daily}; the cli function splits it
     * @return the command's exit code, once its output is printed
     * @throws CommandException                             when there is no command, the stage has no live cli
     *                                                      function, or the function failed
     * @throws dev.hover.plugin.stage.StageException        when there is no such stage
     * @throws dev.hover.model.validation.ManifestException when the manifest has problems
     * @throws dev.hover.plugin.aws.AwsException             when AWS refused, with what to do about it
     */
    public int run(String stage, Optional<String> profile, String commandLine) throws IOException {
        if (commandLine == null || commandLine.isBlank()) {
            throw new CommandException("hover.command is empty: give the command line to run, e.g. "
                    + "-Dhover.command=\"reports:send --daily\"");
        }
        try (StageSession session = StageSession.open(projectDirectory, stage, profile, credentials, log)) {
            String function = Names.of(session.manifest()).cliFunction();
            Functions functions = new Functions(session.clients().lambda());
            // Lambda's own answer to a missing function or alias would not say that the stage was never deployed.
            String version = functions.aliasVersion(function, Names.LIVE_ALIAS).orElseThrow(() -> new CommandException(
                    "The stage " + stage + " has no cli function " + function + " with a " + Names.LIVE_ALIAS
                            + " alias in " + session.manifest().region() + ": deploy the stage first (mvn deploy -Dhover.stage="
                            + stage + ")"));
            log.accept("$ " + commandLine + "   (" + function + ":" + Names.LIVE_ALIAS + ", version " + version + ")");
            CommandAnswer answer = new CliFunction(functions, function).run(Names.LIVE_ALIAS, commandLine);
            out.print(answer.output());
            if (!answer.output().isEmpty() && !answer.output().endsWith("\n")) {
                out.println();
            }
            out.flush();
            return answer.exitCode();
        }
    }
}
