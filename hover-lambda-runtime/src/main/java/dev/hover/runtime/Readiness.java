package dev.hover.runtime;

import dev.hover.runtime.http.LoopbackClient;
import dev.hover.runtime.net.HttpResponse;

import java.io.IOException;
import java.net.ConnectException;

/**
 * Waits until the application can serve: its readiness path answers with a status below 500
 * (any answer means the server runs; 5xx is what starting servers answer). For the cli and queue
 * functions, {@code main} returning normally is enough too: an application that registers
 * commands and jobs in {@code main} may not serve HTTP at all. The first successful probe is the
 * application's warm-up request; its connection stays in the pool for the first event.
 */
final class Readiness {
    private static final long FAST_POLL_MILLIS = 2;
    private static final long SLOW_POLL_MILLIS = 10;
    private static final long FAST_POLL_PERIOD_MILLIS = 2000;
    private static final long PROGRESS_LOG_MILLIS = 2000;
    private static final long PROBE_TIMEOUT_MILLIS = 5000;

    private Readiness() {
    }

    static void await(Application application, LoopbackClient loopback, String path, FunctionType type,
                      long timeoutMillis) throws InitException {
        long start = System.currentTimeMillis();
        long deadline = start + timeoutMillis;
        long nextProgressLog = start + PROGRESS_LOG_MILLIS;
        String lastProblem = "not probed yet";
        while (true) {
            Throwable failure = application.failure();
            if (failure != null) {
                throw new InitException("AppStartFailed", application.mainClass() + ".main failed: " + failure, failure);
            }
            if (type != FunctionType.HTTP && application.mainReturned()) {
                return;
            }
            long now = System.currentTimeMillis();
            try {
                HttpResponse response = loopback.get(path, Math.min(deadline, now + PROBE_TIMEOUT_MILLIS));
                if (response.status() < 500) {
                    return;
                }
                lastProblem = "GET " + path + " answered " + response.status();
            } catch (ConnectException e) {
                lastProblem = "nothing accepts connections on 127.0.0.1:" + loopback.port();
            } catch (IOException e) {
                lastProblem = "GET " + path + " failed: " + e;
            }
            now = System.currentTimeMillis();
            if (application.mainReturned()) {
                lastProblem += " (" + application.mainClass() + ".main has returned)";
            }
            if (now >= deadline) {
                throw new InitException("AppNotReady", "The application was not ready within " + timeoutMillis
                        + " ms: " + lastProblem);
            }
            if (now >= nextProgressLog) {
                Log.info("waiting for the application (" + (now - start) + " ms): " + lastProblem);
                nextProgressLog = now + PROGRESS_LOG_MILLIS;
            }
            sleep(now - start < FAST_POLL_PERIOD_MILLIS ? FAST_POLL_MILLIS : SLOW_POLL_MILLIS);
        }
    }

    private static void sleep(long millis) throws InitException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InitException("AppNotReady", "Interrupted while waiting for the application");
        }
    }
}
