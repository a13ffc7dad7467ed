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

    private TestJobs() {
    }

    static void clear() {
        HANDLED.clear();
        FAILED.clear();
    }

    /**
     * @param name   recorded when the job runs
     * @param action {@code ok}, {@code fail}, {@code fail-once} (fails on its first attempt),
     *               {@code release} (releases itself for 2 s on its first attempt), {@code sleep}
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
                default -> {
                }
            }
        }

        @Override
        public void failed(Task task, Throwable cause, JobContext context) {
            FAILED.put(task.name(), cause);
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
