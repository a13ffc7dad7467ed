import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.net.HttpConnection;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;
import dev.hover.runtime.secrets.MotoSealedFiles;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures the Hover runtime (see docs/performance.md for how to run it and what it printed):
 *
 * <ul>
 * <li>{@code overhead}: the runtime's own time per HTTP invocation. This program plays the Runtime
 * API; for each event it takes the time from handing out {@code next} to having read the posted
 * response, and, in the same run, alternating, the time of the same request sent straight to
 * the application over a kept-alive loopback socket. The difference is the runtime's share.</li>
 * <li>{@code rie}: end to end through aws-lambda-rie → runtime → application, against the direct
 * loopback request, alternating in the same run.</li>
 * <li>{@code coldstart}: process launch → ready, for the runtime starting the application (ready =
 * its first {@code next}) and for the application started alone (ready = {@code /health} answers).</li>
 * <li>{@code runtimeapi}: one {@code next} + one response post against this program's Runtime API,
 * with the runtime's socket client and with {@link HttpURLConnection}.</li>
 * <li>{@code snapstart}: the first request after {@code restore/next} returns against the warm
 * requests that follow, in a runtime started with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}
 * (so primed) and, alternating, in one started {@code on-demand} (not primed: the first request
 * after the cold start), and against a warm request after as long a pause as the first one follows
 * (an idle CPU's caches are cold for any request). This program plays the Runtime API; nothing is
 * snapshotted. A first run of each kind warms this program's own side and is not counted.</li>
 * <li>{@code awsclient}: in a new JVM each time ({@code AwsClientProbe}), reading a packaged
 * manifest, building a KMS client and decrypting one data key against moto, as the runtime does at
 * cold start when the image holds secrets: the SDK's default builder, the runtime's
 * {@code AwsClients}, and the latter built on a thread while the manifest is read; alternating.</li>
 * <li>{@code secrets}: launch → first {@code next} for a stage with one secret (moto's KMS), started
 * by the image's launch command (a shell, the secrets JVM, then the runtime's JVM), against the
 * runtime's JVM started with the secret already in its environment; alternating.</li>
 * </ul>
 *
 * <p>With {@code -Dbench.runtimeJar=<hover-lambda-runtime jar>} the runtime runs from that jar (the
 * shaded one the image holds) plus the test classes (the sample application), instead of the
 * reactor's class directories and the runtime's dependency jars.
 */
public final class RuntimeBench {
    private static final String APP = "dev.hover.runtime.sample.SampleApp";
    private static final List<String> JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "overhead";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        switch (mode) {
            case "overhead" -> overhead(iterations);
            case "rie" -> rie(iterations, args.length > 2 ? args[2] : ".local-aws/bin/aws-lambda-rie");
            case "coldstart" -> coldStart(iterations);
            case "runtimeapi" -> runtimeApi(iterations);
            case "awsclient" -> awsClient(iterations);
            case "snapstart" -> snapStart(iterations, args.length > 2 ? Integer.parseInt(args[2]) : 200,
                    args.length > 3 ? Integer.parseInt(args[3]) : 20);
            case "secrets" -> secrets(iterations);
            default -> throw new IllegalArgumentException("modes: overhead, rie, coldstart, runtimeapi, awsclient, snapstart, secrets");
        }
    }

    // ---------------------------------------------------------------- overhead

    private static void overhead(int iterations) throws Exception {
        int appPort = freePort();
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            Process runtime = startBootstrap(appPort, api.port());
            try {
                api.awaitConnection();
                RequestHead head = new RequestHead();
                HttpConnection direct = awaitApp(appPort);
                String[] paths = {"/health", "/echo"};
                for (String path : paths) {
                    byte[] event = ApiGatewayEvents.request("GET", path).query("a=1&b=2")
                            .header("accept", "text/plain").header("user-agent", "bench").json().getBytes(StandardCharsets.UTF_8);
                    long[] viaRuntime = new long[iterations];
                    long[] straight = new long[iterations];
                    int warmup = Math.min(iterations, 2000);
                    for (int i = -warmup; i < iterations; i++) {
                        long runtimeNanos = api.invoke(event);
                        long directNanos = directGet(direct, head, path + "?a=1&b=2", appPort);
                        if (i == -warmup) {
                            System.out.printf("first GET %s after the cold start: via runtime %.3f ms, then direct %.3f ms%n",
                                    path, ms(runtimeNanos), ms(directNanos));
                        }
                        if (i >= 0) {
                            viaRuntime[i] = runtimeNanos;
                            straight[i] = directNanos;
                        }
                    }
                    report("GET " + path + " via runtime (next handed out → response read)", viaRuntime);
                    report("GET " + path + " straight to the application", straight);
                    System.out.printf("runtime overhead %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (differences of percentiles)%n",
                            path, ms(pct(viaRuntime, 50) - pct(straight, 50)), ms(pct(viaRuntime, 90) - pct(straight, 90)),
                            ms(pct(viaRuntime, 99) - pct(straight, 99)));
                }
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static long directGet(HttpConnection connection, RequestHead head, String target, int port) throws IOException {
        head.start("GET", target).header("Host", "127.0.0.1:" + port).header("accept", "text/plain")
                .header("user-agent", "bench").end();
        long start = System.nanoTime();
        connection.send(head, null, 0, 0);
        HttpResponse response = connection.receive(false, 1 << 20, Long.MAX_VALUE);
        long took = System.nanoTime() - start;
        if (response.status() != 200) {
            throw new IllegalStateException("direct request answered " + response.status());
        }
        return took;
    }

    private static HttpConnection awaitApp(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return HttpConnection.open("127.0.0.1", port, 1000);
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    // ---------------------------------------------------------------- snapstart

    private static final String PRIMED_TARGET = "/echo?a=1&b=2";

    /**
     * @param runs alternating primed and unprimed runtimes, each a new JVM
     * @param warm requests after the first; the warm figure is the median of their second half
     * @param primeRounds {@code http.prime-rounds}: how often the readiness path and the target are primed
     */
    private static void snapStart(int runs, int warm, int primeRounds) throws Exception {
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
                        + " (ratio %.2f×)%n", i + 1, kinds[k], ms(sample[0]), ms(sample[1]), (double) sample[0] / sample[1],
                        ms(sample[2]), (double) sample[0] / sample[2]);
            }
        }
        for (int k = 0; k < 2; k++) {
            report(kinds[k] + ": first request", first[k]);
            report(kinds[k] + ": warm request (median of each run's second half)", warmMedian[k]);
            report(kinds[k] + ": warm request after a " + PAUSE_MILLIS + " ms pause", afterPause[k]);
            reportRatios(kinds[k] + ": first / warm", first[k], warmMedian[k]);
            reportRatios(kinds[k] + ": first / warm after a pause", first[k], afterPause[k]);
        }
    }

    /** The first request follows the restore's idle time; a warm request after as long an idle time is its fair peer. */
    private static final long PAUSE_MILLIS = 200;

    private static void reportRatios(String what, long[] numerators, long[] denominators) {
        double[] sorted = new double[numerators.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (double) numerators[i] / denominators[i];
        }
        Arrays.sort(sorted);
        System.out.printf("%s, median of %d runs %.2f× (min %.2f×, max %.2f×)%n", what, sorted.length,
                sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** @return for one new runtime: the first request's nanoseconds, the warm median's, and a warm request's after a pause */
    private static long[] firstAndWarm(boolean primed, int warm, int primeRounds) throws Exception {
        int appPort = freePort();
        byte[] event = ApiGatewayEvents.request("GET", "/echo").query("a=1&b=2").header("accept", "text/plain")
                .header("user-agent", "bench").json().getBytes(StandardCharsets.UTF_8);
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            Path root = Files.createTempDirectory("hover-bench-");
            writeManifest(root, new PackagedManifest.Http(appPort, "/health", 1, 60,
                    primed ? List.of(PRIMED_TARGET) : List.of(), primeRounds), appPort);
            Process runtime = startBootstrap(root, appPort, api.port(), primed ? "snap-start" : "on-demand");
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
                    System.out.printf("  first three: %.3f %.3f %.3f ms; log:%n%s%n", ms(first), ms(warmed[0]), ms(warmed[1]),
                            Files.readString(root.resolve("runtime.log")));
                }
                return new long[] {first, pct(Arrays.copyOfRange(warmed, warm / 2, warm), 50), paused};
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- rie

    private static void rie(int iterations, String rieExecutable) throws Exception {
        int appPort = freePort();
        int invokePort = freePort();
        int apiPort = freePort();
        Path root = Files.createTempDirectory("hover-bench-");
        writeManifest(root, appPort);
        List<String> command = new ArrayList<>(List.of(rieExecutable, "--runtime-interface-emulator-address",
                "127.0.0.1:" + invokePort, "--runtime-api-address", "127.0.0.1:" + apiPort));
        command.addAll(runtimeCommand(false));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("rie.log").toFile());
        builder.environment().put("LAMBDA_TASK_ROOT", root.toString());
        builder.environment().put("SAMPLE_PORT", Integer.toString(appPort));
        builder.environment().put("AWS_LAMBDA_FUNCTION_TIMEOUT", "30");
        Process rie = builder.start();
        try {
            HttpConnection invoke = awaitApp(invokePort);
            RequestHead head = new RequestHead();
            byte[] event = ApiGatewayEvents.request("GET", "/health").query("a=1&b=2")
                    .header("accept", "text/plain").header("user-agent", "bench").json().getBytes(StandardCharsets.UTF_8);
            invoke(invoke, head, event, invokePort); // cold start
            HttpConnection direct = awaitApp(appPort);
            long[] viaRie = new long[iterations];
            long[] straight = new long[iterations];
            for (int i = -Math.min(iterations, 1000); i < iterations; i++) {
                long rieNanos = invoke(invoke, head, event, invokePort);
                long directNanos = directGet(direct, head, "/health?a=1&b=2", appPort);
                if (i >= 0) {
                    viaRie[i] = rieNanos;
                    straight[i] = directNanos;
                }
            }
            report("GET /health through aws-lambda-rie → runtime → application", viaRie);
            report("GET /health straight to the application", straight);
            System.out.printf("ratio rie/direct: p50 %.1f×, p99 %.1f×%n", (double) pct(viaRie, 50) / pct(straight, 50),
                    (double) pct(viaRie, 99) / pct(straight, 99));
        } finally {
            rie.destroy();
            rie.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long invoke(HttpConnection rie, RequestHead head, byte[] event, int port) throws IOException {
        head.start("POST", "/2015-03-31/functions/function/invocations").header("Host", "127.0.0.1:" + port)
                .header("Content-Length", event.length).end();
        long start = System.nanoTime();
        rie.send(head, event, 0, event.length);
        HttpResponse response = rie.receive(false, 8 << 20, Long.MAX_VALUE);
        long took = System.nanoTime() - start;
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!body.contains("\"statusCode\":200")) {
            throw new IllegalStateException("invoke answered " + body);
        }
        return took;
    }

    // ---------------------------------------------------------------- cold start

    /**
     * Wall time is what a user waits; on a shared machine it mostly measures the neighbours, so
     * the CPU time the process used until ready (all its threads) is reported beside it.
     */
    private static void coldStart(int runs) throws Exception {
        long[] viaRuntime = new long[runs];
        long[] alone = new long[runs];
        long[] viaRuntimeCpu = new long[runs];
        long[] aloneCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long[] runtime = runtimeColdStart();
            long[] app = applicationColdStart();
            viaRuntime[i] = runtime[0];
            viaRuntimeCpu[i] = runtime[1];
            alone[i] = app[0];
            aloneCpu[i] = app[1];
        }
        report("launch → ready (wall), runtime starting the application", viaRuntime);
        report("launch → ready (wall), application alone", alone);
        report("launch → ready (CPU), runtime starting the application", viaRuntimeCpu);
        report("launch → ready (CPU), application alone", aloneCpu);
        System.out.printf("runtime's share of cold start: median %.0f ms wall, %.0f ms CPU (medians' differences)%n",
                ms(pct(viaRuntime, 50) - pct(alone, 50)), ms(pct(viaRuntimeCpu, 50) - pct(aloneCpu, 50)));
    }

    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** @return wall and CPU nanoseconds from launch to the first {@code next} */
    private static long[] runtimeColdStart() throws Exception {
        int appPort = freePort();
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            long start = System.nanoTime();
            Process runtime = startBootstrap(appPort, api.port());
            try {
                api.awaitConnection();
                return new long[] {api.firstNextArrival() - start, cpuNanos(runtime)};
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** @return wall and CPU nanoseconds from launch to the first answer of {@code /health} */
    private static long[] applicationColdStart() throws Exception {
        int appPort = freePort();
        List<String> command = new ArrayList<>(javaCommand(APP));
        command.add(1, "-Dsun.net.httpserver.nodelay=true");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SAMPLE_PORT", Integer.toString(appPort));
        Process app = builder.start();
        try {
            RequestHead head = new RequestHead().start("GET", "/health").header("Host", "127.0.0.1").end();
            while (true) {
                try (HttpConnection connection = HttpConnection.open("127.0.0.1", appPort, 1000)) {
                    connection.send(head, null, 0, 0);
                    if (connection.receive(false, 1024, System.currentTimeMillis() + 5000).status() < 500) {
                        return new long[] {System.nanoTime() - start, cpuNanos(app)};
                    }
                } catch (IOException e) {
                    Thread.sleep(1);
                }
            }
        } finally {
            app.destroy();
            app.waitFor(5, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- runtime api clients

    private static void runtimeApi(int iterations) throws Exception {
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            api.serveForever(iterations * 2 + 4000);
            dev.hover.runtime.lambda.RuntimeApiClient client = new dev.hover.runtime.lambda.RuntimeApiClient("127.0.0.1:" + api.port());
            byte[] answer = "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            long[] socket = new long[iterations];
            long[] urlConnection = new long[iterations];
            for (int i = -1000; i < iterations; i++) {
                long start = System.nanoTime();
                dev.hover.runtime.Invocation invocation = client.next();
                client.respond(invocation.requestId(), answer);
                long socketNanos = System.nanoTime() - start;
                start = System.nanoTime();
                String id = urlConnectionNext(api.port());
                urlConnectionRespond(api.port(), id, answer);
                long urlNanos = System.nanoTime() - start;
                if (i >= 0) {
                    socket[i] = socketNanos;
                    urlConnection[i] = urlNanos;
                }
            }
            report("next + response, runtime's socket client", socket);
            report("next + response, HttpURLConnection", urlConnection);
        }
    }

    private static String urlConnectionNext(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port
                + "/2018-06-01/runtime/invocation/next").openConnection();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
        return connection.getHeaderField("Lambda-Runtime-Aws-Request-Id");
    }

    private static void urlConnectionRespond(int port, String id, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port
                + "/2018-06-01/runtime/invocation/" + id + "/response").openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------- aws client

    private static void awsClient(int runs) throws Exception {
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        Map<String, String> environment = new HashMap<>(moto.environment());
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String key = kms.createKey(r -> r.description("hover bench")).keyMetadata().keyId();
            byte[] blob = kms.generateDataKey(r -> r.keyId(key).numberOfBytes(32).encryptionContext(Map.of("stage", "bench")))
                    .ciphertextBlob().asByteArray();
            environment.put("BENCH_KEY", key);
            environment.put("BENCH_BLOB", Base64.getEncoder().encodeToString(blob));
        }
        Path root = Files.createTempDirectory("hover-bench-");
        writeManifest(root, 8080);
        environment.put("BENCH_MANIFEST", root.resolve("hover/" + PackagedManifest.FILE_NAME).toString());
        // what Lambda sets besides the key pair and region
        environment.put("AWS_SESSION_TOKEN", "bench-session-token");
        environment.put("AWS_DEFAULT_REGION", environment.get("AWS_REGION"));
        String[] variants = {"default", "lean", "overlap"};
        String[] parts = {"manifest read", "KMS client built (after the manifest)", "first Decrypt", "manifest + client + Decrypt", "process CPU at the end"};
        long[][][] samples = new long[variants.length][parts.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int v = 0; v < variants.length; v++) {
                String[] out = probe(variants[v], environment, null).split(" ");
                for (int p = 0; p < 3; p++) {
                    samples[v][p][i] = Long.parseLong(out[p]);
                    samples[v][3][i] += samples[v][p][i];
                }
                samples[v][4][i] = Long.parseLong(out[3]);
            }
        }
        for (int v = 0; v < variants.length; v++) {
            for (int p = 0; p < parts.length; p++) {
                report(variants[v] + ": " + parts[p], samples[v][p]);
            }
        }
        for (String variant : variants) {
            Path log = Files.createTempFile("hover-bench-classes-", ".log");
            probe(variant, environment, log);
            System.out.printf("%s: %d classes loaded by the whole process (-Xlog:class+load)%n", variant, Files.readAllLines(log).size());
            Files.delete(log);
        }
    }

    /** @return the probe's output line */
    private static String probe(String variant, Map<String, String> environment, Path classLog) throws Exception {
        List<String> command = new ArrayList<>(javaCommand("AwsClientProbe"));
        command.add(variant);
        if (classLog != null) {
            command.add(1, "-Xlog:class+load=info:file=" + classLog);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the probe failed: " + out);
        }
        return out;
    }

    // ---------------------------------------------------------------- plumbing

    private static Process startBootstrap(int appPort, int apiPort) throws IOException {
        Path root = Files.createTempDirectory("hover-bench-");
        writeManifest(root, appPort);
        return startBootstrap(root, appPort, apiPort, "on-demand");
    }

    private static Process startBootstrap(Path root, int appPort, int apiPort, String initializationType) throws IOException {
        return startLaunchCommand(runtimeCommand(false), root, appPort, apiPort,
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType));
    }

    /** The image's launch command with this JVM's java and the runtime's class path. */
    private static List<String> runtimeCommand(boolean secrets) {
        List<String> classpath = List.of(runtimeClasspath());
        return LaunchCommand.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), JVM_OPTIONS,
                classpath, secrets ? classpath : List.of());
    }

    private static String runtimeClasspath() {
        String jar = System.getProperty("bench.runtimeJar");
        return jar == null ? System.getProperty("java.class.path") : jar + ":hover-lambda-runtime/target/test-classes";
    }

    /** As the image starts it: the manifest's environment (SAMPLE_PORT) in the process environment. */
    private static Process startLaunchCommand(List<String> command, Path root, int appPort, int apiPort,
                                              Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(root.resolve("runtime.log").toFile());
        builder.environment().put("LAMBDA_TASK_ROOT", root.toString());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + apiPort);
        builder.environment().put("SAMPLE_PORT", Integer.toString(appPort));
        builder.environment().putAll(environment);
        return builder.start();
    }

    // ---------------------------------------------------------------- secrets

    /**
     * The price of putting the secrets into the environment with a JVM of their own: the launch
     * command of a stage with one secret against the runtime's JVM alone with the secret already
     * in its environment (what the launch command gives it), alternating; and what the secrets JVM
     * reports of its own time.
     */
    private static void secrets(int runs) throws Exception {
        MotoServer moto = LocalAws.moto();
        moto.applyToSystemProperties();
        Path root = Files.createTempDirectory("hover-bench-");
        int appPort = freePort();
        writeManifest(root, appPort);
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
            launched[i] = untilFirstNext(runtimeCommand(true), root, appPort, environment);
            String line = Files.readAllLines(root.resolve("runtime.log")).stream()
                    .filter(l -> l.contains(" decrypted in ")).findFirst().orElseThrow();
            // "…: 1 decrypted in T ms (process start to main M ms), …"
            secretsJvm[i] = Long.parseLong(line.replaceAll(".* decrypted in (\\d+) ms.*", "$1")) * 1_000_000;
            secretsJvmMain[i] = Long.parseLong(line.replaceAll(".*process start to main (\\d+) ms.*", "$1")) * 1_000_000;
            given[i] = untilFirstNext(runtimeCommand(false), root, appPort, decrypted);
        }
        report("launch → first next (wall), launch command decrypting one secret", launched);
        report("launch → first next (wall), runtime's JVM given the secret", given);
        report("secrets JVM: process start → secrets printed (its own log)", secretsJvm);
        report("secrets JVM: of which process start → main", secretsJvmMain);
        System.out.printf("secrets in the environment cost: median %.0f ms wall (medians' difference)%n",
                ms(pct(launched, 50) - pct(given, 50)));
    }

    private static long untilFirstNext(List<String> command, Path root, int appPort, Map<String, String> environment)
            throws Exception {
        try (FakeRuntimeApi api = new FakeRuntimeApi()) {
            long start = System.nanoTime();
            Process runtime = startLaunchCommand(command, root, appPort, api.port(), environment);
            try {
                api.awaitConnection();
                return api.firstNextArrival() - start;
            } finally {
                runtime.destroy();
                runtime.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void writeManifest(Path root, int appPort) throws IOException {
        writeManifest(root, new PackagedManifest.Http(appPort, "/health", 1, 60), appPort);
    }

    private static void writeManifest(Path root, PackagedManifest.Http http, int appPort) throws IOException {
        Files.createDirectories(root.resolve("hover"));
        PackagedManifestCodec.write(new PackagedManifest("bench", "bench-bench", "b1",
                Map.of("SAMPLE_PORT", Integer.toString(appPort)), APP, http, List.of(), Map.of()),
                root.resolve("hover/" + PackagedManifest.FILE_NAME));
    }

    private static List<String> javaCommand(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long pct(long[] sorted, int percentile) {
        long[] copy = sorted.clone();
        Arrays.sort(copy);
        return copy[Math.min(copy.length - 1, (int) Math.ceil(percentile / 100.0 * copy.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void report(String what, long[] samples) {
        System.out.printf("%-70s n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, samples.length,
                ms(pct(samples, 50)), ms(pct(samples, 90)), ms(pct(samples, 99)), ms(pct(samples, 100)));
    }

    /** The Runtime API's side of the exchange, on one kept-alive connection at a time. */
    private static final class FakeRuntimeApi implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private long firstNext;

        FakeRuntimeApi() throws IOException {
        }

        int port() {
            return server.getLocalPort();
        }

        void awaitConnection() throws IOException {
            server.setSoTimeout(60_000);
            socket = server.accept();
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            expect("GET /2018-06-01/runtime/invocation/next");
            firstNext = System.nanoTime();
        }

        long firstNextArrival() {
            return firstNext;
        }

        /** SnapStart: takes {@code restore/next} on its own connection and answers at once, as a restore would. */
        void answerRestoreNext() throws IOException {
            server.setSoTimeout(60_000);
            try (Socket restore = server.accept()) {
                InputStream input = new BufferedInputStream(restore.getInputStream());
                String line = readRequest(input);
                if (line == null || !line.startsWith("GET /2018-06-01/runtime/restore/next")) {
                    throw new IllegalStateException("expected restore/next, got " + line);
                }
                restore.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                restore.getOutputStream().flush();
            }
        }

        /** Hands out the event for the pending {@code next}; returns the time until the response is read. */
        long invoke(byte[] event) throws IOException {
            String id = UUID.randomUUID().toString();
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: " + id
                    + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000)
                    + "\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench"
                    + "\r\nContent-Length: " + event.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(head, head.length + event.length);
            System.arraycopy(event, 0, all, head.length, event.length);
            long start = System.nanoTime();
            out.write(all);
            out.flush();
            expect("POST /2018-06-01/runtime/invocation/" + id + "/response");
            long took = System.nanoTime() - start;
            out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect("GET /2018-06-01/runtime/invocation/next");
            return took;
        }

        /** Answers next and response posts on a background thread, for client comparisons. */
        void serveForever(int exchanges) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < exchanges; i++) {
                        Socket client = server.accept();
                        client.setTcpNoDelay(true);
                        serve(client);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "fake-runtime-api");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(Socket client) {
            new Thread(() -> {
                try (client) {
                    InputStream input = new BufferedInputStream(client.getInputStream());
                    OutputStream output = client.getOutputStream();
                    while (true) {
                        String line = readRequest(input);
                        if (line == null) {
                            return;
                        }
                        if (line.startsWith("GET")) {
                            byte[] event = "{\"ping\":true}".getBytes(StandardCharsets.US_ASCII);
                            output.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + UUID.randomUUID()
                                    + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000)
                                    + "\r\nContent-Length: " + event.length + "\r\n\r\n{\"ping\":true}").getBytes(StandardCharsets.US_ASCII));
                        } else {
                            output.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        output.flush();
                    }
                } catch (IOException e) {
                    // the client went away
                }
            }).start();
        }

        private void expect(String requestLinePrefix) throws IOException {
            String line = readRequest(in);
            if (line == null || !line.startsWith(requestLinePrefix)) {
                throw new IllegalStateException("expected " + requestLinePrefix + ", got " + line);
            }
        }

        /** Reads one request (head and Content-Length body); returns its request line, or null at the end. */
        private static String readRequest(InputStream input) throws IOException {
            String requestLine = line(input);
            if (requestLine == null) {
                return null;
            }
            int length = 0;
            String header;
            while (!(header = line(input)).isEmpty()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            input.readNBytes(length);
            return requestLine;
        }

        private static String line(InputStream input) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = input.read()) != '\n') {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
            server.close();
        }
    }
}
