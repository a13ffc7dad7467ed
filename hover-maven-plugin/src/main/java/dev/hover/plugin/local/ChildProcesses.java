package dev.hover.plugin.local;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Every process {@code hover:run} started, all stopped when it closes. */
final class ChildProcesses implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    Process start(ProcessBuilder builder) throws java.io.IOException {
        Process process = builder.start();
        running.add(process);
        return process;
    }

    /** Stops a process and what it started: SIGTERM, then after a grace period SIGKILL. */
    void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        running.remove(process);
    }

    @Override
    public void close() {
        running.parallelStream().forEach(this::stop);
    }
}
