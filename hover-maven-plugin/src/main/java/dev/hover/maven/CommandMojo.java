package dev.hover.maven;

import dev.hover.plugin.command.CommandException;
import dev.hover.plugin.command.CommandRunner;
import dev.hover.plugin.local.LocalCommand;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a command on the stage's cli function ({@code live} alias) and prints its output on standard
 * output, as the command wrote it; a non-zero exit code fails the build (docs/commands.md).
 */
@Mojo(name = "command", threadSafe = true)
public class CommandMojo extends HoverMojo {
    static final String COMMAND = "hover.command";
    static final String LOCAL = "hover.local";

    /** The command line, e.g. {@code reports:send --daily}. */
    @Parameter(property = COMMAND)
    String command;

    /** Run it on the stage's {@code hover:run} on this machine (docs/run.md) instead of on AWS. */
    @Parameter(property = LOCAL, defaultValue = "false")
    boolean local;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        String commandLine = text(COMMAND, command).orElseThrow(() -> new ParameterException(
                goal() + " needs the command line to run, e.g. -D" + COMMAND + "=\"reports:send --daily\""));
        int exitCode;
        if (flag(LOCAL, local)) {
            exitCode = runLocally(commandLine);
        } else {
            try (StageSession session = openStage()) {
                // standard output, not the log: `mvn -q hover:command … > out.txt` keeps just the command's output
                exitCode = new CommandRunner(progress()::plain, System.out).run(session, commandLine);
            }
        }
        result(Map.of("command", commandLine, "exitCode", exitCode));
        if (exitCode != 0) {
            throw new CommandException("`" + commandLine + "` exited with " + exitCode + " on stage " + stage()
                    + (flag(LOCAL, local) ? " (hover:run)" : ""));
        }
    }

    private int runLocally(String commandLine) throws IOException {
        Path runDirectory = Path.of(project.getBuild().getDirectory()).resolve("hover").resolve(stage()).resolve("run");
        try {
            return new LocalCommand(progress()::plain, System.out).run(runDirectory, stage(), commandLine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted while `" + commandLine + "` ran on hover:run");
        }
    }
}
