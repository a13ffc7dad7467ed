import dev.hover.model.packaged.LaunchCommand;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code RuntimeBench secrets}: what a JVM of their own costs the secrets at cold start (see {@link RuntimeBench}). */
final class SecretsBench {
    private SecretsBench() {
    }

    /**
     * The price of putting the secrets into the environment with a JVM of their own: the launch
     * command of a stage with one secret against the runtime's JVM alone with the secret already
     * in its environment (what the launch command gives it), alternating; and what the secrets JVM
     * reports of its own time.
     */
    static void run(int runs) throws Exception {
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        Path root = Files.createTempDirectory("hover-bench-");
        int appPort = RuntimeBench.freePort();
        RuntimeBench.writeManifest(root, appPort);
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            new MotoSealedFiles(kms).write(root.resolve("hover/secrets.env"), new StageBinding("bench-bench", "bench"),
                    "BENCH_TOKEN=tok-123\n");
        }
        Map<String, String> environment = new HashMap<>(moto.environment());
        Map<String, String> decrypted = new HashMap<>(environment);
        decrypted.put("BENCH_TOKEN", "tok-123");
        decrypted.put(LaunchCommand.SECRET_NAMES_VARIABLE, "BENCH_TOKEN");
        long[] launched = new long[runs];
        long[] given = new long[runs];
        long[] secretsJvm = new long[runs];
        long[] secretsJvmMain = new long[runs];
        for (int i = 0; i < runs; i++) {
            launched[i] = untilFirstNext(RuntimeBench.runtimeCommand(true), root, appPort, environment);
            String line = Files.readAllLines(root.resolve("runtime.log")).stream()
                    .filter(l -> l.contains(" decrypted in ")).findFirst().orElseThrow();
            // "…: 1 decrypted in T ms (process start to main M ms), …"
            secretsJvm[i] = Long.parseLong(line.replaceAll(".* decrypted in (\\d+) ms.*", "$1")) * 1_000_000;
            secretsJvmMain[i] = Long.parseLong(line.replaceAll(".*process start to main (\\d+) ms.*", "$1")) * 1_000_000;
            given[i] = untilFirstNext(RuntimeBench.runtimeCommand(false), root, appPort, decrypted);
        }
        BenchNumbers.report("launch → first next (wall), launch command decrypting one secret", launched);
        BenchNumbers.report("launch → first next (wall), runtime's JVM given the secret", given);
        BenchNumbers.report("secrets JVM: process start → secrets printed (its own log)", secretsJvm);
        BenchNumbers.report("secrets JVM: of which process start → main", secretsJvmMain);
        System.out.printf("secrets in the environment cost: median %.0f ms wall (medians' difference)%n",
                BenchNumbers.ms(BenchNumbers.pct(launched, 50) - BenchNumbers.pct(given, 50)));
    }

    private static long untilFirstNext(List<String> command, Path root, int appPort, Map<String, String> environment)
            throws Exception {
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            long start = System.nanoTime();
            Process runtime = RuntimeBench.startLaunchCommand(command, root, appPort, api.port(), environment);
            try {
                api.awaitConnection();
                return api.firstNextArrival() - start;
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
