package dev.hover.runtime.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs application code (a command, a job) on a worker thread until a deadline. When the deadline
 * passes, the thread is interrupted and given a short grace period; code that ignores the interrupt
 * is then given up on (its daemon thread is left to finish on its own), so the runtime can still
 * answer the invocation before Lambda kills the container.
 */
public final class TimeBox {
    private static final TimeBox SHARED = new TimeBox();

    private final ExecutorService threads = Executors.newCachedThreadPool(new WorkerThreads());

    public static TimeBox shared() {
        return SHARED;
    }

    /** How a time-boxed task ended. */
    public sealed interface Outcome<T> {
    }

    public record Completed<T>(T value) implements Outcome<T> {
    }

    public record Failed<T>(Throwable cause) implements Outcome<T> {
    }

    /** @param stopped whether the task ended within the grace period after the interrupt */
    public record TimedOut<T>(boolean stopped) implements Outcome<T> {
    }

    public <T> Outcome<T> run(Callable<T> task, Instant deadline, Duration grace) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Outcome<T>> outcome = new AtomicReference<>();
        Future<?> running = threads.submit(() -> {
            try {
                outcome.set(new Completed<>(task.call()));
            } catch (Throwable t) {
                outcome.set(new Failed<>(t));
            } finally {
                done.countDown();
            }
        });
        if (done.await(millisUntil(deadline), TimeUnit.MILLISECONDS)) {
            return outcome.get();
        }
        running.cancel(true);
        return new TimedOut<>(done.await(grace.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
    }

    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "hover-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
