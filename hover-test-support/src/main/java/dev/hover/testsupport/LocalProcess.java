package dev.hover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A long-running program whose combined stdout and stderr go to a log file. */
final class LocalProcess implements AutoCloseable {

    /** The program died or did not get ready in time; its log says why. */
    static final class StartFailedException extends IllegalStateException {
        StartFailedException(String message) {
            super(message);
        }
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_CHARS = 4000;

    private final String name;
    private final Process process;
    private final Path log;

    private LocalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with the given environment on top of (or instead of) the JVM's. */
    static LocalProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            LocalProcess started = new LocalProcess(name, builder.start(), log);
            ShutdownHooks.closeOnExit(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Waits until {@code ready} holds; stops the process and fails with its log if it dies or takes too long. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                close();
                throw new StartFailedException(name + " exited with " + process.exitValue()
                        + " before it was ready; its log " + log + ":\n" + outputTail());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new StartFailedException(name + " was not ready after " + timeout.toSeconds()
                        + " s; its log " + log + ":\n" + outputTail());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * The JVM's environment without its {@code AWS_*} variables: a developer's real credentials,
     * profile or region must never reach a program under test.
     */
    static Map<String, String> environmentWithoutAws() {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        return environment;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path outputFile() {
        return log;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log of " + name, e);
        }
    }

    String outputTail() {
        String output = output();
        return output.length() <= LOG_TAIL_CHARS ? output : "…" + output.substring(output.length() - LOG_TAIL_CHARS);
    }

    /** Stops the process and everything it started. */
    @Override
    public void close() {
        ShutdownHooks.forget(this);
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
