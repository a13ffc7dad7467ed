package dev.hover.plugin.image.archive;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of a training, in the training's copy of the task root, with only the environment it is
 * given, its output in a log file, and a time limit after which it and its children are killed.
 */
final class TrainingProcess {
    private static final int LOG_LINES_IN_A_NOTE = 15;

    private TrainingProcess() {
    }

    /** @return the process's exit status */
    static int run(List<String> command, Path taskRoot, Map<String, String> environment, Path output,
                   long timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new ArchiveSkipped("the training run did not end within " + timeoutSeconds + " s" + lastLines(output));
        }
        return process.exitValue();
    }

    /** The end of a log, for a note in the build's log. */
    static String lastLines(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return lines.isEmpty() ? "" : "; its last lines:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_A_NOTE), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
