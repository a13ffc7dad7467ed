package dev.hover.runtime.sample;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The queue function's application of the fault-injection test: its one job does what its data says,
 * and notes each run, success and failure hook in the file named by {@code FAULT_LOG} (one line each,
 * written before anything that may take the process down, so a {@code kill -9} loses none).
 */
public final class FaultApp {
    private FaultApp() {
    }

    public static void main(String[] args) {
        // nothing to start: the runtime runs the jobs
    }

    /**
     * @param action {@code ok}; {@code fail-until} (fails on attempts 1..{@code failures}, then succeeds);
     *               {@code slow} (sleeps 3 s: past its 1 s timeout); {@code nap} (2.5 s, no timeout of its own);
     *               {@code halt} ({@code Runtime.halt}: poison); {@code kill-once} ({@code kill -9} of its own
     *               process on its first run, then succeeds)
     */
    public record Fault(String name, String action, int failures) {
    }

    public static final class FaultJob implements Job<Fault> {
        @Override
        public void handle(Fault fault, JobContext context) throws Exception {
            note("ran " + fault.name() + " " + context.attempt());
            switch (fault.action()) {
                case "fail-until" -> {
                    if (context.attempt() <= fault.failures()) {
                        throw new IllegalStateException(fault.name() + " fails on attempt " + context.attempt());
                    }
                }
                case "slow" -> Thread.sleep(3_000);
                case "nap" -> Thread.sleep(2_500);
                case "halt" -> Runtime.getRuntime().halt(3);
                case "kill-once" -> {
                    Path marker = Path.of(System.getenv("FAULT_LOG") + ".killed-" + fault.name());
                    if (!Files.exists(marker)) {
                        Files.createFile(marker);
                        new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                        Thread.sleep(10_000);
                    }
                }
                default -> {
                }
            }
            note("ok " + fault.name() + " " + context.attempt());
        }

        @Override
        public void failed(Fault fault, Throwable cause, JobContext context) {
            note("hook " + fault.name() + " " + cause.getClass().getSimpleName());
        }
    }

    private static synchronized void note(String line) {
        try {
            Files.writeString(Path.of(System.getenv("FAULT_LOG")), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
