import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.http.ApiGatewayEvents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code RuntimeBench snapstart}: the first request after {@code restore/next} against warm ones (see {@link RuntimeBench}). */
final class SnapStartBench {
    private SnapStartBench() {
    }


    private static final String PRIMED_TARGET = "/echo?a=1&b=2";

    /**
     * @param runs alternating primed and unprimed runtimes, each a new JVM
     * @param warm requests after the first; the warm figure is the median of their second half
     * @param primeRounds {@code http.prime-rounds}: how often the readiness path and the target are primed
     * @param evict whether the pauses before the first request and the control also evict the CPU
     *              caches: a restored microVM starts on a host whose caches never held it
     */
    static void run(int runs, int warm, int primeRounds, boolean evict) throws Exception {
        String pause = PAUSE_MILLIS + " ms pause" + (evict ? " with the CPU caches evicted" : "");
        long[][] first = new long[2][runs];
        long[][] warmMedian = new long[2][runs];
        long[][] afterPause = new long[2][runs];
        String[] kinds = {"primed (snap-start, " + primeRounds + " rounds)", "unprimed (on-demand)"};
        // this JVM's own side of the exchange (the Runtime API stand-in) is cold in its first run:
        // one run of each kind first, not counted
        for (int k = 0; k < 2; k++) {
            firstAndWarm(k == 0, warm, primeRounds, evict);
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 2; k++) {
                long[] sample = firstAndWarm(k == 0, warm, primeRounds, evict);
                first[k][i] = sample[0];
                warmMedian[k][i] = sample[1];
                afterPause[k][i] = sample[2];
                System.out.printf("run %d %s: first %.3f ms, warm median %.3f ms (ratio %.2f×), median of " + PAUSED_REQUESTS + " warm after a " + pause + " %.3f ms"
                        + " (ratio %.2f×)%n", i + 1, kinds[k], BenchNumbers.ms(sample[0]), BenchNumbers.ms(sample[1]), (double) sample[0] / sample[1],
                        BenchNumbers.ms(sample[2]), (double) sample[0] / sample[2]);
            }
        }
        for (int k = 0; k < 2; k++) {
            BenchNumbers.report(kinds[k] + ": first request", first[k]);
            BenchNumbers.report(kinds[k] + ": warm request (median of each run's second half)", warmMedian[k]);
            BenchNumbers.report(kinds[k] + ": warm requests after a " + pause + " (median of " + PAUSED_REQUESTS + " per run)", afterPause[k]);
            BenchNumbers.reportRatios(kinds[k] + ": first / warm", first[k], warmMedian[k]);
            BenchNumbers.reportRatios(kinds[k] + ": first / warm after a pause", first[k], afterPause[k]);
        }
    }

    /** The first request follows the restore's idle time; a warm request after as long an idle time is its fair peer. */
    private static final long PAUSE_MILLIS = 200;
    /** Warm requests after a pause, per runtime: their median is the control. */
    private static final int PAUSED_REQUESTS = 9;
    /**
     * Per core of this machine (2 MB of L2 each, 32 MB of L3 shared, AMD EPYC) one thread writes
     * 32 MB: together twice the L3, so none of the runtime's lines stays cached on either core.
     */
    private static final byte[][] EVICTION = {new byte[32 << 20], new byte[32 << 20]};
    private static final int CACHE_LINE = 64;


    /** @return for one new runtime: the first request's nanoseconds, the warm median's, and the median of warm requests after a pause */
    private static long[] firstAndWarm(boolean primed, int warm, int primeRounds, boolean evict) throws Exception {
        int appPort = RuntimeBench.freePort();
        byte[] event = ApiGatewayEvents.request("GET", "/echo").query("a=1&b=2").header("accept", "text/plain")
                .header("user-agent", "bench").json().getBytes(StandardCharsets.UTF_8);
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            Path root = Files.createTempDirectory("hover-bench-");
            RuntimeBench.writeManifest(root, new PackagedManifest.Http(appPort, "/health", 1, 60,
                    primed ? List.of(PRIMED_TARGET) : List.of(), primeRounds), appPort);
            Process runtime = RuntimeBench.startBootstrap(root, appPort, api.port(), primed ? "snap-start" : "on-demand");
            try {
                if (primed) {
                    api.answerRestoreNext();
                }
                api.awaitConnection();
                pause(evict);
                long first = api.invoke(event);
                long[] warmed = new long[warm];
                for (int i = 0; i < warm; i++) {
                    warmed[i] = api.invoke(event);
                }
                long[] paused = new long[PAUSED_REQUESTS];
                for (int i = 0; i < paused.length; i++) {
                    pause(evict);
                    paused[i] = api.invoke(event);
                }
                if (System.getenv("BENCH_DEBUG") != null) {
                    System.out.printf("  first three: %.3f %.3f %.3f ms; log:%n%s%n", BenchNumbers.ms(first), BenchNumbers.ms(warmed[0]), BenchNumbers.ms(warmed[1]),
                            Files.readString(root.resolve("runtime.log")));
                }
                return new long[] {first, BenchNumbers.pct(Arrays.copyOfRange(warmed, warm / 2, warm), 50),
                        BenchNumbers.pct(paused, 50)};
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void pause(boolean evict) throws InterruptedException {
        long end = System.nanoTime() + PAUSE_MILLIS * 1_000_000;
        if (evict) {
            Thread[] writers = new Thread[EVICTION.length];
            for (int w = 0; w < writers.length; w++) {
                byte[] memory = EVICTION[w];
                writers[w] = new Thread(() -> {
                    for (int i = 0; i < memory.length; i += CACHE_LINE) {
                        memory[i]++;
                    }
                });
                writers[w].start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
        }
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
    }
}
