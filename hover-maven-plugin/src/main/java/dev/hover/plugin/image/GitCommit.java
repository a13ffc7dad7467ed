package dev.hover.plugin.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit a project is at, for the image's labels; absent outside git or without git. */
public final class GitCommit {
    private static final long TIMEOUT_SECONDS = 10;

    private GitCommit() {
    }

    public static Optional<String> of(Path projectDirectory) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--verify", "HEAD")
                    .directory(projectDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            git.getOutputStream().close();
            String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || git.exitValue() != 0
                    || !commit.matches("[0-9a-f]{40,64}")) {
                git.destroy();
                return Optional.empty();
            }
            return Optional.of(commit);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
