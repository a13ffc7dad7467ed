package dev.hover.runtime.net;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket whose write is still blocked at its deadline, which makes the write fail: the
 * only way to bound a blocking socket write. One daemon timer thread, started by the first large
 * request body (never on the cold start path, never for a small request).
 */
final class WriteDeadline {
    private final Closer closer;
    private final ScheduledFuture<?> scheduled;

    private WriteDeadline(Closer closer, ScheduledFuture<?> scheduled) {
        this.closer = closer;
        this.scheduled = scheduled;
    }

    static WriteDeadline closeAfter(Socket socket, long millis) {
        Closer closer = new Closer(socket);
        return new WriteDeadline(closer, Timer.INSTANCE.schedule(closer, millis, TimeUnit.MILLISECONDS));
    }

    /** @return false when it is too late: the timer has closed the socket (or is closing it) */
    boolean cancel() {
        // decided by the flag, not the future: a future whose task is running can still be cancelled
        boolean disarmed = closer.armed.compareAndSet(true, false);
        scheduled.cancel(false);
        return disarmed;
    }

    /** A class, not a lambda: the runtime keeps lambdas off its paths (docs/performance.md). */
    private static final class Closer implements Runnable {
        private final Socket socket;
        private final AtomicBoolean armed = new AtomicBoolean(true);

        Closer(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            if (!armed.compareAndSet(true, false)) {
                return;
            }
            try {
                socket.close();
            } catch (IOException e) {
                // the write it unblocks reports the failure
            }
        }
    }

    /** Made on first use (the holder idiom): a runtime that never sends a large body never starts the thread. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new DaemonThreads());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "hover-write-deadline");
            thread.setDaemon(true);
            return thread;
        }
    }
}
