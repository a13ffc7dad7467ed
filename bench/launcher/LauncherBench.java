import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Architecture;
import dev.hover.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * hover-launch from process start to its execve, against moto's KMS (docs/performance.md, "Secrets
 * at cold start"): alternating, (a) the launcher decrypting one secret over plain HTTP and then
 * becoming the stamp program, (b) the same through tlsproxy (TLS with a KMS-shaped chain on
 * loopback, the system's roots plus the chain's root trusted), (c) the stamp program started
 * directly. The stamp prints, as it starts, the monotonic clock and the process's CPU time so far,
 * which through an execve includes the launcher's; (a) or (b) minus (c) is the launcher's share.
 * Run by bench/launcher/run.sh.
 */
public final class LauncherBench {
    private LauncherBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path stamp = Path.of(args[1]);
        Path tlsProxy = Path.of(args[2]);
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        Path work = Files.createTempDirectory("hover-launcher-bench-");
        Path secrets = work.resolve("secrets.env");
        StageBinding stage = new StageBinding("bench-" + ProcessHandle.current().pid() + "-bench", "bench");
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            new MotoSealedFiles(kms).write(secrets, stage, "BENCH_TOKEN=tok-123\n");
        }
        Path launcher = work.resolve("hover-launch");
        try (InputStream binary = LauncherBinary.forArchitecture(Architecture.ofHost(System.getProperty("os.arch")).orElseThrow()).open()) {
            Files.copy(binary, launcher);
        }
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>(moto.environment());
        environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9");
        environment.put("PATH", "/usr/bin:/bin");
        Process proxy = new ProcessBuilder(tlsProxy.toString(), "-target", moto.endpoint().toString(), "-root", work.resolve("root.pem").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String address = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            Map<String, String> overTls = new HashMap<>(environment);
            overTls.put("AWS_ENDPOINT_URL", "https://" + address);
            overTls.put("SSL_CERT_FILE", trustedRoots(work).toString());
            List<String> launched = List.of(launcher.toString(), "--name", stage.name(), "--stage", stage.stage(),
                    "--secrets", secrets.toString(), "--", stamp.toString());
            Samples http = new Samples(runs);
            Samples tls = new Samples(runs);
            Samples direct = new Samples(runs);
            Path log = work.resolve("launcher.log");
            for (int i = 0; i < runs; i++) {
                http.add(i, stamped(launched, environment, log), logged(log));
                tls.add(i, stamped(launched, overTls, log), logged(log));
                direct.add(i, stamped(List.of(stamp.toString()), environment, log), 0);
            }
            System.out.printf("%d runs each, alternating; load average %s%n", runs,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            http.report("(a) hover-launch over HTTP, then the stamp");
            tls.report("(b) hover-launch over TLS, then the stamp");
            direct.report("(c) the stamp alone");
            http.reportShare("hover-launch's share over HTTP, (a) - (c)", direct);
            tls.reportShare("hover-launch's share over TLS, (b) - (c)", direct);
        } finally {
            proxy.destroy();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** What the launcher trusts over TLS: the system's bundle, as an image has it, and the proxy's root. */
    private static Path trustedRoots(Path work) throws Exception {
        Path system = Path.of("/etc/ssl/certs/ca-certificates.crt");
        Path roots = work.resolve("roots.pem");
        Files.writeString(roots, (Files.exists(system) ? Files.readString(system) : "") + Files.readString(work.resolve("root.pem")));
        return roots;
    }

    private static long logged(Path log) throws Exception {
        return Long.parseLong(Files.readString(log, StandardCharsets.UTF_8).replaceAll("(?s).* decrypted in (\\d+) ms.*", "$1"));
    }

    /** Per run: nanoseconds until the stamp started, the stamp's CPU microseconds, the launcher's own milliseconds. */
    private record Samples(long[] wall, long[] cpu, long[] logged) {
        Samples(int runs) {
            this(new long[runs], new long[runs], new long[runs]);
        }

        void add(int run, long[] stamped, long loggedMillis) {
            wall[run] = stamped[0];
            cpu[run] = stamped[1];
            logged[run] = loggedMillis;
        }

        void report(String what) {
            System.out.printf("%-46s wall p50 %6.1f ms (min %6.1f, max %6.1f), CPU p50 %6.1f ms%s%n", what,
                    median(wall) / 1e6, Arrays.stream(wall).min().orElseThrow() / 1e6,
                    Arrays.stream(wall).max().orElseThrow() / 1e6, median(cpu) / 1e3,
                    median(logged) == 0 ? "" : ", its log line (main → execve) p50 " + median(logged) + " ms");
        }

        void reportShare(String what, Samples baseline) {
            System.out.printf("%-46s wall %6.1f ms, CPU %6.1f ms (medians' difference)%n", what,
                    (median(wall) - median(baseline.wall)) / 1e6, (median(cpu) - median(baseline.cpu)) / 1e3);
        }
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

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
