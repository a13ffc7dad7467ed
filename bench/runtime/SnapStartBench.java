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
     */
    static void run(int runs, int warm, int primeRounds) throws Exception {
        long[][] first = new long[2][runs];
        long[][] warmMedian = new long[2][runs];
        long[][] afterPause = new long[2][runs];
        String[] kinds = {"primed (snap-start, " + primeRounds + " rounds)", "unprimed (on-demand)"};
        // this JVM's own side of the exchange (the Runtime API stand-in) is cold in its first run:
        // one run of each kind first, not counted
        for (int k = 0; k < 2; k++) {
            firstAndWarm(k == 0, warm, primeRounds);
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 2; k++) {
                long[] sample = firstAndWarm(k == 0, warm, primeRounds);
                first[k][i] = sample[0];
                warmMedian[k][i] = sample[1];
                afterPause[k][i] = sample[2];
                System.out.printf("run %d %s: first %.3f ms, warm median %.3f ms (ratio %.2f×), warm after a pause %.3f ms"
                        + " (ratio %.2f×)%n", i + 1, kinds[k], BenchNumbers.ms(sample[0]), BenchNumbers.ms(sample[1]), (double) sample[0] / sample[1],
                        BenchNumbers.ms(sample[2]), (double) sample[0] / sample[2]);
            }
        }
        for (int k = 0; k < 2; k++) {
            BenchNumbers.report(kinds[k] + ": first request", first[k]);
            BenchNumbers.report(kinds[k] + ": warm request (median of each run's second half)", warmMedian[k]);
            BenchNumbers.report(kinds[k] + ": warm request after a " + PAUSE_MILLIS + " ms pause", afterPause[k]);
            BenchNumbers.reportRatios(kinds[k] + ": first / warm", first[k], warmMedian[k]);
            BenchNumbers.reportRatios(kinds[k] + ": first / warm after a pause", first[k], afterPause[k]);
        }
    }

    /** The first request follows the restore's idle time; a warm request after as long an idle time is its fair peer. */
    private static final long PAUSE_MILLIS = 200;


    /** @return for one new runtime: the first request's nanoseconds, the warm median's, and a warm request's after a pause */
    private static long[] firstAndWarm(boolean primed, int warm, int primeRounds) throws Exception {
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
                Thread.sleep(PAUSE_MILLIS);
                long first = api.invoke(event);
                long[] warmed = new long[warm];
                for (int i = 0; i < warm; i++) {
                    warmed[i] = api.invoke(event);
                }
                Thread.sleep(PAUSE_MILLIS);
                long paused = api.invoke(event);
                if (System.getenv("BENCH_DEBUG") != null) {
                    System.out.printf("  first three: %.3f %.3f %.3f ms; log:%n%s%n", BenchNumbers.ms(first), BenchNumbers.ms(warmed[0]), BenchNumbers.ms(warmed[1]),
                            Files.readString(root.resolve("runtime.log")));
                }
                return new long[] {first, BenchNumbers.pct(Arrays.copyOfRange(warmed, warm / 2, warm), 50), paused};
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
