package dev.hover.runtime.queue;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Jobs for the worker's tests: what each does is in its data; what happened is recorded here. */
final class TestJobs {
    static final List<String> HANDLED = new CopyOnWriteArrayList<>();
    static final Map<String, Throwable> FAILED = new ConcurrentHashMap<>();
    /** The names of the jobs whose failure hook ran, once per run. */
    static final List<String> HOOKS = new CopyOnWriteArrayList<>();

    private TestJobs() {
    }

    static void clear() {
        HANDLED.clear();
        FAILED.clear();
        HOOKS.clear();
    }

    /**
     * @param name   recorded when the job runs
     * @param action {@code ok}, {@code fail}, {@code fail-once} (fails on its first attempt),
     *               {@code release} (releases itself for 2 s on its first attempt), {@code sleep} (30 s),
     *               {@code nap} (1.2 s), {@code stubborn} (3 s, ignoring interrupts)
     */
    record Task(String name, String action) {
    }

    public static final class TaskJob implements Job<Task> {
        @Override
        public void handle(Task task, JobContext context) throws Exception {
            HANDLED.add(task.name() + "#" + context.attempt());
            switch (task.action()) {
                case "fail" -> throw new IllegalStateException(task.name() + " failed");
                case "fail-once" -> {
                    if (context.attempt() == 1) {
                        throw new IllegalStateException(task.name() + " failed once");
                    }
                }
                case "release" -> {
                    if (context.attempt() == 1) {
                        context.release(Duration.ofSeconds(2));
                    }
                }
                case "sleep" -> Thread.sleep(30_000);
                case "nap" -> Thread.sleep(1_200);
                case "stubborn" -> {
                    long end = System.nanoTime() + 3_000_000_000L;
                    while (System.nanoTime() < end) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                            // the point of this job
                        }
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void failed(Task task, Throwable cause, JobContext context) {
            FAILED.put(task.name(), cause);
            HOOKS.add(task.name());
        }
    }

    /** Not constructible by the default factory. */
    public static final class NeedsAService implements Job<String> {
        public NeedsAService(Object service) {
        }

        @Override
        public void handle(String data, JobContext context) {
        }
    }
}
