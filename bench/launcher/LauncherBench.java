import dev.hover.launcher.LauncherBinary;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * hover-launch from process start to its execve, against moto's KMS (docs/performance.md, "Secrets
 * at cold start"): alternating, (a) the launcher decrypting one secret and then becoming the stamp
 * program, (b) the stamp program started directly. The stamp prints, as it starts, the monotonic
 * clock and the process's CPU time so far, which through an execve includes the launcher's; (a)
 * minus (b) is the launcher's share. Run by bench/launcher/run.sh.
 */
public final class LauncherBench {
    private LauncherBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path stamp = Path.of(args[1]);
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        Path work = Files.createTempDirectory("hover-launcher-bench-");
        Path secrets = work.resolve("secrets.env");
        StageBinding stage = new StageBinding("bench-" + ProcessHandle.current().pid() + "-bench", "bench");
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            new MotoSealedFiles(kms).write(secrets, stage, "BENCH_TOKEN=tok-123\n");
        }
        Path launcher = work.resolve("hover-launch");
        try (InputStream binary = LauncherBinary.forArchitecture(System.getProperty("os.arch").equals("aarch64") ? "arm64" : "x86_64").open()) {
            Files.copy(binary, launcher);
        }
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9");
        environment.put("PATH", "/usr/bin:/bin");
        List<String> launched = List.of(launcher.toString(), "--name", stage.name(), "--stage", stage.stage(),
                "--secrets", secrets.toString(), "--", stamp.toString());
        long[][] viaLauncher = new long[2][runs];
        long[][] direct = new long[2][runs];
        long[] logged = new long[runs];
        for (int i = 0; i < runs; i++) {
            Path log = work.resolve("launcher.log");
            long[] a = stamped(launched, environment, log);
            viaLauncher[0][i] = a[0];
            viaLauncher[1][i] = a[1];
            String line = Files.readString(log, StandardCharsets.UTF_8);
            logged[i] = Long.parseLong(line.replaceAll("(?s).* decrypted in (\\d+) ms.*", "$1"));
            long[] b = stamped(List.of(stamp.toString()), environment, log);
            direct[0][i] = b[0];
            direct[1][i] = b[1];
        }
        System.out.printf("%d runs each, alternating; load average %s%n", runs,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        report("(a) hover-launch, 1 secret, then the stamp", viaLauncher);
        report("(b) the stamp alone", direct);
        System.out.printf("%-46s wall %6.1f ms, CPU %6.1f ms (medians' difference)%n", "hover-launch's share, (a) - (b)",
                (median(viaLauncher[0]) - median(direct[0])) / 1e6, (median(viaLauncher[1]) - median(direct[1])) / 1e3);
        System.out.printf("%-46s p50 %d ms (min %d, max %d)%n", "its own log line, main → before execve",
                median(logged), Arrays.stream(logged).min().orElseThrow(), Arrays.stream(logged).max().orElseThrow());
    }

    /** Starts the command; returns the nanoseconds until the stamp started and the stamp's CPU microseconds. */
    private static long[] stamped(List<String> command, Map<String, String> environment, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        String[] printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
        if (process.waitFor() != 0 || printed.length != 2) {
            throw new IllegalStateException(command + " failed: " + Files.readString(log));
        }
        return new long[] {Long.parseLong(printed[0]) - start, Long.parseLong(printed[1])};
    }

    private static void report(String what, long[][] samples) {
        System.out.printf("%-46s wall p50 %6.1f ms (min %6.1f, max %6.1f), CPU p50 %6.1f ms%n", what,
                median(samples[0]) / 1e6, Arrays.stream(samples[0]).min().orElseThrow() / 1e6,
                Arrays.stream(samples[0]).max().orElseThrow() / 1e6, median(samples[1]) / 1e3);
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
