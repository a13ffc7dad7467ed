package dev.hover.runtime;

import dev.hover.runtime.http.LoopbackClient;
import dev.hover.runtime.net.HttpResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;

/**
 * Waits until the application can serve: its readiness path answers with a status below 500
 * (any answer means the server runs; 5xx is what starting servers answer). For the cli and queue
 * functions, {@code main} returning normally is enough too: an application that registers
 * commands and jobs in {@code main} may not serve HTTP at all. The first successful probe is the
 * application's warm-up request; its connection stays in the pool for the first event.
 */
final class Readiness {
    /**
     * The wait between probes starts at 1 ms and grows by half each time up to 10 ms: a fast
     * application is seen at once, a slow one is probed 100 times a second at most. Each refused
     * probe costs the runtime 30–90 µs of CPU (docs/performance.md), which on a small function
     * (a third of a vCPU at 512 MB) is the application's start-up time.
     */
    static final long FIRST_WAIT_MILLIS = 1;
    static final long LONGEST_WAIT_MILLIS = 10;
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
        long wait = FIRST_WAIT_MILLIS;
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
                        + " ms: " + lastProblem + listeningElsewhere(loopback.port()));
            }
            if (now >= nextProgressLog) {
                Log.info("waiting for the application (" + (now - start) + " ms): " + lastProblem
                        + listeningElsewhere(loopback.port()));
                nextProgressLog = now + PROGRESS_LOG_MILLIS;
            }
            sleep(wait);
            wait = nextWait(wait);
        }
    }

    static long nextWait(long wait) {
        return Math.min(LONGEST_WAIT_MILLIS, Math.max(wait + 1, wait * 3 / 2));
    }

    /**
     * When the application listens, but not on {@code http.port}: where, and the fix. Read only when
     * a wait is reported, not on every probe.
     */
    static String listeningElsewhere(int port) {
        Set<Integer> ports = ListeningPorts.ofThisProcess();
        if (ports.isEmpty() || ports.contains(port)) {
            return "";
        }
        String listening = ports.toString().replace("[", "").replace("]", "");
        return "; the application listens on " + listening + ": perhaps you should set http.port: "
                + ports.iterator().next() + " in the stage manifest, or make the application listen on the port"
                + " Hover gives it (PORT, or its framework's SERVER_PORT, QUARKUS_HTTP_PORT, MICRONAUT_SERVER_PORT: "
                + port + ")";
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
