package dev.hover.runtime.warmer;

import dev.hover.model.validation.ManifestRules;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.Log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Keeps {@code N} containers of a version warm: the container that receives
 * {@code {"warmer": true, "concurrency": N}} invokes its own function and version {@code N − 1}
 * times at once with {@code {"warmerPing": true}}. Each ping keeps its container busy for
 * {@value #PING_BUSY_MILLIS} ms so that concurrent pings cannot be served one after the other by
 * the same container, and Lambda has to spread them over distinct containers (starting new ones
 * where needed). A new container counts as warm once its application has answered the readiness
 * request of its cold start.
 */
public final class Warmer {
    /**
     * The most containers one warmer event may ask for: each is a ping on a thread of its own, so a
     * malformed event must not be able to ask for millions. The manifest's {@code http.warm} has the
     * same limit (a compile-time constant: no validation class is loaded at cold start).
     */
    public static final int MAX_CONCURRENCY = ManifestRules.MAX_WARM;
    static final long PING_BUSY_MILLIS = 75;
    /** Time kept back from the warmer's own deadline to answer. */
    private static final long ANSWER_MARGIN_MILLIS = 500;
    private static final byte[] PONG = "{\"pong\":true}".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<PingSender> senderFactory;
    private PingSender sender;

    /** @param senderFactory called on the first warmer event only */
    public Warmer(Supplier<PingSender> senderFactory) {
        this.senderFactory = senderFactory;
    }

    /** @return {@code {"warmed": n}}: this container plus the pings that succeeded */
    public byte[] warm(Invocation invocation, int concurrency) throws InterruptedException {
        int pings = Math.max(concurrency, 1) - 1;
        int warmed = 1 + (pings == 0 ? 0 : fanOut(invocation, pings));
        return ("{\"warmed\":" + warmed + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** Answers a ping after keeping this container busy long enough. */
    public byte[] ping() throws InterruptedException {
        Thread.sleep(PING_BUSY_MILLIS);
        return PONG;
    }

    private int fanOut(Invocation invocation, int pings) throws InterruptedException {
        FunctionArn target = FunctionArn.parse(invocation.invokedFunctionArn());
        long started = System.currentTimeMillis();
        long deadline = invocation.deadlineMs() - ANSWER_MARGIN_MILLIS;
        if (sender == null) {
            sender = senderFactory.get();
        }
        PingSender pingSender = sender;
        long timeout = deadline - System.currentTimeMillis();
        if (timeout <= 0) {
            Log.error("warmer: no time left to ping " + target + " after " + (System.currentTimeMillis() - started) + " ms");
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(pings, runnable -> {
            Thread thread = new Thread(runnable, "hover-warmer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < pings; i++) {
                sent.add(pool.submit(() -> {
                    pingSender.ping(target.name(), target.qualifier(), timeout);
                    return null;
                }));
            }
            int succeeded = 0;
            for (Future<?> ping : sent) {
                try {
                    ping.get(Math.max(deadline - System.currentTimeMillis(), 0), TimeUnit.MILLISECONDS);
                    succeeded++;
                } catch (TimeoutException e) {
                    Log.error("warmer: a ping of " + target + " did not answer within " + timeout + " ms");
                } catch (ExecutionException e) {
                    Log.error("warmer: a ping of " + target + " failed: " + e.getCause());
                }
            }
            Log.info("warmer: " + succeeded + " of " + pings + " pings of " + target + " answered in "
                    + (System.currentTimeMillis() - started) + " ms");
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The function and qualifier of an invoked ARN: {@code arn:aws:lambda:r:a:function:name[:qualifier]}. */
    record FunctionArn(String name, String qualifier) {
        static FunctionArn parse(String arn) {
            String[] parts = arn == null ? new String[0] : arn.split(":");
            if (parts.length < 7 || !parts[5].equals("function")) {
                throw new IllegalArgumentException("Cannot warm: the invoked function ARN is '" + arn + "'");
            }
            return new FunctionArn(parts[6], parts.length > 7 ? parts[7] : null);
        }

        @Override
        public String toString() {
            return qualifier == null ? name : name + ":" + qualifier;
        }
    }
}
