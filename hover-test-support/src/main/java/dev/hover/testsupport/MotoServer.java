package dev.hover.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A moto server: every AWS API on one loopback port. SDK clients built the standard way reach it
 * through {@link #applyToSystemProperties()} (in this JVM) or {@link #environment()} (in a child process).
 */
public final class MotoServer {

    static final String ENDPOINT_ENV = "HOVER_TEST_MOTO_ENDPOINT";
    static final String MINIMUM_VERSION = "5.2.2";

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "hover-test-access-key";
    public static final String SECRET_ACCESS_KEY = "hover-test-secret-key";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;

    private MotoServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The server named by {@value #ENDPOINT_ENV}, else a new one on a free port. */
    static MotoServer startOrReuse(ToolLocator tools) {
        String running = System.getenv(ENDPOINT_ENV);
        if (running != null && !running.isBlank()) {
            return reuse(URI.create(running.strip()));
        }
        Path executable = findMoto(tools);
        Path workDirectory = TempDirectories.create("hover-moto-");
        return FreePorts.startOnFreePort(port -> start(executable, workDirectory, port));
    }

    private static MotoServer reuse(URI endpoint) {
        if (!LoopbackHttp.answers(endpoint.resolve("/moto-api/"))) {
            throw new IllegalStateException(ENDPOINT_ENV + "=" + endpoint
                    + " does not answer: run scripts/local-aws start, or unset it to let the tests start their own");
        }
        return new MotoServer(endpoint);
    }

    private static MotoServer start(Path executable, Path workDirectory, int port) {
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        LocalProcess process = LocalProcess.start("moto_server",
                List.of(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)),
                LocalProcess.environmentWithoutAws(), workDirectory.resolve("moto-" + port + ".log"));
        process.awaitReady(START_TIMEOUT, () -> LoopbackHttp.answers(endpoint.resolve("/moto-api/")));
        return new MotoServer(endpoint);
    }

    /** The venv's moto_server; one on the PATH only if it is recent enough (5.2.1 misses CloudFormation-made functions). */
    private static Path findMoto(ToolLocator tools) {
        return tools.local("venv/bin/moto_server")
                .or(() -> ToolLocator.onPath("moto_server").filter(MotoServer::isRecentEnough))
                .orElseThrow(() -> tools.missing("moto_server", " (or the one on the PATH is older than "
                        + MINIMUM_VERSION + ")"));
    }

    private static boolean isRecentEnough(Path motoServer) {
        return pythonOf(motoServer)
                .map(python -> CommandResult.run(List.of(python, "-c", "import moto; print(moto.__version__)"),
                        Duration.ofSeconds(30)))
                .filter(result -> result.exitCode() == 0)
                .map(result -> Versions.atLeast(result.stdout().strip(), MINIMUM_VERSION))
                .orElse(false);
    }

    /** The interpreter named by the script's {@code #!} line, when it is a Python. */
    private static Optional<String> pythonOf(Path script) {
        try (var lines = Files.lines(script)) {
            return lines.findFirst()
                    .filter(line -> line.startsWith("#!") && line.contains("python"))
                    .map(line -> line.substring(2).strip().split("\\s+")[0]);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource in every service. */
    public void reset() {
        LoopbackHttp.postExpectingSuccess(endpoint.resolve("/moto-api/reset"), "");
    }

    /**
     * Makes Lambda invocations answer without Docker: the function echoes its payload, or returns
     * the next result queued by {@link #queueLambdaResults}. Call it before creating functions.
     */
    public void useSimpleLambdaBackend() {
        LoopbackHttp.postExpectingSuccess(endpoint.resolve("/moto-api/config"),
                toJson(Map.of("lambda", Map.of("use_docker", false))));
    }

    /** Queues the bodies that the next invocations in {@code region} return, in order (simple backend only). */
    public void queueLambdaResults(String region, List<String> results) {
        LoopbackHttp.postExpectingSuccess(endpoint.resolve("/moto-api/static/lambda-simple/response"),
                toJson(Map.of("results", results, "region", region)));
    }

    /** Points SDK clients built with the standard builders in this JVM at this server. */
    public void applyToSystemProperties() {
        System.setProperty("aws.endpointUrl", endpoint.toString());
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
    }

    /** The same settings as environment variables, for a child process. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "moto at " + endpoint;
    }
}
