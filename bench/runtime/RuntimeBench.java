import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.runtime.http.ApiGatewayEvents;
import dev.hover.runtime.net.HttpConnection;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * (an idle CPU's caches are cold for any request); with {@code evict} as fifth argument, the CPU
 * caches are also evicted in those pauses, as a restore on another host finds them. This program
 * plays the Runtime API; nothing is snapshotted. A first run of each kind warms this program's own
 * side and is not counted.</li>
 * <li>{@code secrets}: launch → first {@code next} for a stage with one secret (moto's KMS), started
 * by the image's launch command (the launcher, {@code hover-launch}, which decrypts it and execs the
 * runtime's JVM), against the runtime's JVM started with the secret already in its environment;
 * alternating.</li>
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
            case "snapstart" -> SnapStartBench.run(iterations, args.length > 2 ? Integer.parseInt(args[2]) : 200,
                    args.length > 3 ? Integer.parseInt(args[3]) : 20, args.length > 4 && args[4].equals("evict"));
            case "secrets" -> SecretsBench.run(iterations);
            default -> throw new IllegalArgumentException("modes: overhead, rie, coldstart, runtimeapi, snapstart, secrets");
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
                                    path, BenchNumbers.ms(runtimeNanos), BenchNumbers.ms(directNanos));
                        }
                        if (i >= 0) {
                            viaRuntime[i] = runtimeNanos;
                            straight[i] = directNanos;
                        }
                    }
                    BenchNumbers.report("GET " + path + " via runtime (next handed out → response read)", viaRuntime);
                    BenchNumbers.report("GET " + path + " straight to the application", straight);
                    System.out.printf("runtime overhead %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (differences of percentiles)%n",
                            path, BenchNumbers.ms(BenchNumbers.pct(viaRuntime, 50) - BenchNumbers.pct(straight, 50)), BenchNumbers.ms(BenchNumbers.pct(viaRuntime, 90) - BenchNumbers.pct(straight, 90)),
                            BenchNumbers.ms(BenchNumbers.pct(viaRuntime, 99) - BenchNumbers.pct(straight, 99)));
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

    // ---------------------------------------------------------------- rie

    private static void rie(int iterations, String rieExecutable) throws Exception {
        int appPort = freePort();
        int invokePort = freePort();
        int apiPort = freePort();
        Path root = Files.createTempDirectory("hover-bench-");
        writeManifest(root, appPort);
        List<String> command = new ArrayList<>(List.of(rieExecutable, "--runtime-interface-emulator-address",
                "127.0.0.1:" + invokePort, "--runtime-api-address", "127.0.0.1:" + apiPort));
        command.addAll(runtimeCommand(Optional.empty()));
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
            BenchNumbers.report("GET /health through aws-lambda-rie → runtime → application", viaRie);
            BenchNumbers.report("GET /health straight to the application", straight);
            System.out.printf("ratio rie/direct: p50 %.1f×, p99 %.1f×%n", (double) BenchNumbers.pct(viaRie, 50) / BenchNumbers.pct(straight, 50),
                    (double) BenchNumbers.pct(viaRie, 99) / BenchNumbers.pct(straight, 99));
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
        BenchNumbers.report("launch → ready (wall), runtime starting the application", viaRuntime);
        BenchNumbers.report("launch → ready (wall), application alone", alone);
        BenchNumbers.report("launch → ready (CPU), runtime starting the application", viaRuntimeCpu);
        BenchNumbers.report("launch → ready (CPU), application alone", aloneCpu);
        System.out.printf("runtime's share of cold start: median %.0f ms wall, %.0f ms CPU (medians' differences)%n",
                BenchNumbers.ms(BenchNumbers.pct(viaRuntime, 50) - BenchNumbers.pct(alone, 50)), BenchNumbers.ms(BenchNumbers.pct(viaRuntimeCpu, 50) - BenchNumbers.pct(aloneCpu, 50)));
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
            BenchNumbers.report("next + response, runtime's socket client", socket);
            BenchNumbers.report("next + response, HttpURLConnection", urlConnection);
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

    // ---------------------------------------------------------------- plumbing

    static Process startBootstrap(int appPort, int apiPort) throws IOException {
        Path root = Files.createTempDirectory("hover-bench-");
        writeManifest(root, appPort);
        return startBootstrap(root, appPort, apiPort, "on-demand");
    }

    static Process startBootstrap(Path root, int appPort, int apiPort, String initializationType) throws IOException {
        return startLaunchCommand(runtimeCommand(Optional.empty()), root, appPort, apiPort,
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType));
    }

    /** The image's launch command with this JVM's java and the runtime's class path. */
    static List<String> runtimeCommand(Optional<LaunchCommand.Secrets> secrets) {
        return LaunchCommand.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), JVM_OPTIONS,
                List.of(runtimeClasspath()), secrets);
    }

    private static String runtimeClasspath() {
        String jar = System.getProperty("bench.runtimeJar");
        return jar == null ? System.getProperty("java.class.path") : jar + ":hover-lambda-runtime/target/test-classes";
    }

    /** As the image starts it: the manifest's environment (SAMPLE_PORT) in the process environment. */
    static Process startLaunchCommand(List<String> command, Path root, int appPort, int apiPort,
                                              Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(root.resolve("runtime.log").toFile());
        builder.environment().put("LAMBDA_TASK_ROOT", root.toString());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + apiPort);
        builder.environment().put("SAMPLE_PORT", Integer.toString(appPort));
        builder.environment().putAll(environment);
        return builder.start();
    }

    static void writeManifest(Path root, int appPort) throws IOException {
        writeManifest(root, new PackagedManifest.Http(appPort, "/health", 1, 60), appPort);
    }

    static void writeManifest(Path root, PackagedManifest.Http http, int appPort) throws IOException {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
