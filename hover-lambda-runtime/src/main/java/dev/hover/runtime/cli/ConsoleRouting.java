package dev.hover.runtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Sends what a command prints to System.out and System.err into its {@link CapturedOutput}, while
 * the rest of the application (its other threads) keeps printing to the function's log. The
 * capture follows the command's thread and the threads it starts.
 */
public final class ConsoleRouting {
    private static final InheritableThreadLocal<CapturedOutput> CURRENT = new InheritableThreadLocal<>();
    private static OutputStream log;

    private ConsoleRouting() {
    }

    /** Replaces System.out and System.err once; returns the stream that reaches the function's log. */
    public static synchronized OutputStream install() {
        if (log == null) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            log = out;
            System.setOut(new PrintStream(new Router(out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Router(err), true, StandardCharsets.UTF_8));
        }
        return log;
    }

    /** The capture of the calling thread, else the function's log. */
    static OutputStream current() {
        CapturedOutput capture = CURRENT.get();
        return capture != null ? capture : install();
    }

    /** Runs {@code work} on the calling thread with its console output going to {@code capture}. */
    static <T> T capturing(CapturedOutput capture, Callable<T> work) throws Exception {
        CURRENT.set(capture);
        try {
            return work.call();
        } finally {
            System.out.flush();
            System.err.flush();
            CURRENT.remove();
        }
    }

    private static final class Router extends OutputStream {
        private final OutputStream original;

        Router(OutputStream original) {
            this.original = original;
        }

        private OutputStream target() {
            CapturedOutput capture = CURRENT.get();
            return capture != null ? capture : original;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            target().write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
