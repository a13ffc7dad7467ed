package dev.hover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a short-lived program printed and how it exited. */
record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    /** Runs {@code command} to completion; fails if it takes longer than {@code timeout}. */
    static CommandResult run(List<String> command, Duration timeout) {
        try {
            Path stdout = Files.createTempFile("hover-command-", ".out");
            Path stderr = Files.createTempFile("hover-command-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: "
                            + String.join(" ", command));
                }
                return new CommandResult(command, process.exitValue(),
                        Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** stdout, or a failure carrying stderr when the exit code is not 0. */
    String stdoutIfSuccessful() {
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ":\n" + stderr);
        }
        return stdout;
    }
}
