package dev.hover.maven;

import dev.hover.plugin.command.CommandException;
import dev.hover.plugin.command.CommandRunner;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.Map;

/**
 * Runs a command on the stage's cli function ({@code live} alias) and prints its output on standard
 * output, as the command wrote it; a non-zero exit code fails the build (docs/commands.md).
 */
@Mojo(name = "command", threadSafe = true)
public class CommandMojo extends HoverMojo {
    static final String COMMAND = "hover.command";

    /** The command line, e.g. {@code reports:send --daily}. */
    @Parameter(property = COMMAND)
    String command;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        String commandLine = text(COMMAND, command).orElseThrow(() -> new ParameterException(
                goal() + " needs the command line to run, e.g. -D" + COMMAND + "=\"reports:send --daily\""));
        int exitCode;
        try (StageSession session = openStage()) {
            // standard output, not the log: `mvn -q hover:command … > out.txt` keeps just the command's output
            exitCode = new CommandRunner(progress()::plain, System.out).run(session, commandLine);
        }
        result(Map.of("command", commandLine, "exitCode", exitCode));
        if (exitCode != 0) {
            throw new CommandException("`" + commandLine + "` exited with " + exitCode + " on stage " + stage());
        }
    }
}
