import dev.hover.model.packaged.LaunchCommand;
import dev.hover.runtime.TestLauncher;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code RuntimeBench secrets}: what the launcher costs the secrets at cold start (see {@link RuntimeBench}). */
final class SecretsBench {
    private SecretsBench() {
    }

    /**
     * The price of putting the secrets into the environment with the launcher: the launch command
     * of a stage with one secret (the real {@code hover-launch}, against moto's KMS) against the
     * runtime's JVM alone with the secret already in its environment (what the launcher gives it),
     * alternating; and what the launcher reports of its own time.
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
        long[] launcher = new long[runs];
        Optional<LaunchCommand.Secrets> secrets = Optional.of(new LaunchCommand.Secrets(TestLauncher.path().toString(),
                "bench-bench", "bench", root.resolve("hover/secrets.env").toString()));
        for (int i = 0; i < runs; i++) {
            launched[i] = untilFirstNext(RuntimeBench.runtimeCommand(secrets), root, appPort, environment);
            String line = Files.readAllLines(root.resolve("runtime.log")).stream()
                    .filter(l -> l.contains(" decrypted in ")).findFirst().orElseThrow();
            // "secrets of bench-bench: 1 decrypted in T ms …"
            launcher[i] = Long.parseLong(line.replaceAll(".* decrypted in (\\d+) ms.*", "$1")) * 1_000_000;
            given[i] = untilFirstNext(RuntimeBench.runtimeCommand(Optional.empty()), root, appPort, decrypted);
            System.out.printf("run %d: launch command %.0f ms, JVM given the secret %.0f ms, launcher's own %.0f ms; load %s%n",
                    i + 1, BenchNumbers.ms(launched[i]), BenchNumbers.ms(given[i]), BenchNumbers.ms(launcher[i]),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        BenchNumbers.report("launch → first next (wall), launch command decrypting one secret", launched);
        BenchNumbers.report("launch → first next (wall), runtime's JVM given the secret", given);
        BenchNumbers.report("launcher: main → before its execve (its own log line)", launcher);
        long[] differences = new long[runs];
        for (int i = 0; i < runs; i++) {
            differences[i] = launched[i] - given[i];
        }
        System.out.printf("secrets in the environment cost: median %.0f ms wall (medians' difference),"
                        + " median of the runs' differences %.0f ms%n",
                BenchNumbers.ms(BenchNumbers.pct(launched, 50) - BenchNumbers.pct(given, 50)),
                BenchNumbers.ms(BenchNumbers.pct(differences, 50)));
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
