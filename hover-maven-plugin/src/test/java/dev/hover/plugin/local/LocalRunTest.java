package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.packaged.LaunchCommand;
import dev.hover.plugin.local.sample.ChargeJob;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code hover:run} on the sample application's build: HTTP through the gateway reaches the application
 * in the build's image, run by the real runtime behind the plugin's Runtime API, and comes back as the
 * same image answers the API Gateway events of those requests under aws-lambda-rie; the build's assets
 * are served beside it; the schedule's entry runs at its minute of the run's clock (set to just before
 * it); a command runs on the cli function from another "terminal".
 */
class LocalRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** The schedule's entry is {@code 1 6 * * *}: the run's clock starts two seconds before that minute. */
    private static final Instant BEFORE_THE_ENTRY = Instant.parse("2026-12-02T06:00:58Z");

    @TempDir
    static Path dir;
    static RunSampleBuild build;
    static LocalRun run;
    static final List<String> output = new CopyOnWriteArrayList<>();
    static final List<String> log = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newHttpClient();

    /** One request, as a client sends it to the gateway and as API Gateway hands it to the function. */
    record Exchange(HttpRequest.Builder request, ObjectNode event) {
    }

    static final List<JsonNode> underRie = new ArrayList<>();

    @BeforeAll
    static void buildAndRun() throws Exception {
        build = RunSampleBuild.build(dir);
        LocalImage image = LocalImage.layOut(build.descriptor.image(), dir.resolve("rie-image"));
        Map<String, String> environment = new HashMap<>(image.environment());
        environment.putAll(Map.of("HOVER_FUNCTION_TYPE", "http", "HOVER_STAGE", "local", "AWS_LAMBDA_FUNCTION_TIMEOUT", "10",
                "API_KEY", "local-secret", LaunchCommand.SECRET_NAMES_VARIABLE, "API_KEY"));
        // first, and stopped before hover:run starts: both would serve the application on its one port
        try (EmulatedFunction function = LocalAws.rie().start(image.command(JAVA), environment)) {
            for (Exchange exchange : exchanges(0)) {
                underRie.add(JSON.readTree(function.invoke(exchange.event().toString())));
            }
        }
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), BEFORE_THE_ENTRY));
        run = LocalRun.start(build.manifest, build.descriptor, build.project.resolve(".hover"), dir.resolve("run"),
                new LocalRun.Options(0, JAVA, clock), log::add, output::add);
    }

    @AfterAll
    static void stop() throws Exception {
        if (run != null) {
            run.close();
        }
        RunSampleBuild.removeLinks(dir);
    }

    @Test
    void answersEveryRequestAsTheImageAnswersItsEventUnderRie() throws Exception {
        List<Exchange> exchanges = exchanges(run.url().getPort());
        for (int i = 0; i < exchanges.size(); i++) {
            HttpResponse<byte[]> response = client.send(exchanges.get(i).request().build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode expected = underRie.get(i);
            assertThat(expected.has("statusCode")).as("under RIE: %s", expected).isTrue();
            String described = exchanges.get(i).event().path("rawPath").asText() + " answered " + expected;

            assertThat(response.statusCode()).as(described).isEqualTo(expected.get("statusCode").asInt());
            // every header once, as the function answered it; Date is the application's clock, a second later or not
            expected.path("headers").fields().forEachRemaining(header -> assertThat(response.headers().allValues(header.getKey()))
                    .as(described).hasSize(1).allMatch(value -> header.getKey().equalsIgnoreCase("date")
                            || value.equals(header.getValue().asText())));
            List<String> cookies = new ArrayList<>();
            expected.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
            assertThat(response.headers().allValues("set-cookie")).as(described).isEqualTo(cookies);
            String body = expected.path("body").asText("");
            assertThat(response.body()).as(described).isEqualTo(expected.path("isBase64Encoded").asBoolean()
                    ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(underRie.get(0).path("body").asText())
                .contains("\"query\":\"name=Ada%20L\"", "\"cookie\":\"session=abc123; theme=dark\"", "\"secret\":\"local-secret\"",
                        "\"greeting\":\"hello from the manifest\"");
        assertThat(underRie.get(0).path("cookies")).hasSize(2);
        assertThat(underRie.get(2).path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(output).anyMatch(line -> line.startsWith("[http] hover: cold start of shop-local build " + RunSampleBuild.BUILD_ID));
    }

    @Test
    void servesTheBuildsAssetsAndTellsTheApplicationItsAddress() throws Exception {
        HttpResponse<String> css = client.send(HttpRequest.newBuilder(run.url().resolve("/assets/" + RunSampleBuild.BUILD_ID
                + "/css/app.css")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherBuild = client.send(HttpRequest.newBuilder(run.url().resolve("/assets/20200101T000000Z-000000"
                + "/css/app.css")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> redirect = client.send(HttpRequest.newBuilder(run.url().resolve("/redirect")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body { color: teal; }\n");
        assertThat(css.headers().firstValue("content-type")).contains("text/css; charset=utf-8");
        assertThat(otherBuild.statusCode()).isEqualTo(404);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).contains("http://127.0.0.1:" + run.url().getPort() + "/done");
    }

    @Test
    void answersAnEventOverLambdasLimitWithoutInvokingTheFunction() throws Exception {
        byte[] body = new byte[HttpGateway.MAX_EVENT_BYTES];
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(run.url().resolve("/echo"))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        // the body alone fits; base64-encoded in the event it does not
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    }

    @Test
    void runsADispatchedJobOnTheQueueFunctionAndRecordsOneThatFailsEveryTry() throws Exception {
        HttpResponse<String> charged = client.send(HttpRequest.newBuilder(run.url().resolve("/dispatch?order=7")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(run.url().resolve("/dispatch?order=8&fail")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(charged.statusCode()).as(charged.body()).isEqualTo(202);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(202);
        awaitLine(output, "[queue:charges] charged order 7");
        // tries: 2, backoff: 1 in the manifest: the runtime's retry, then its failure hook and record
        awaitLine(output, "\"event\":\"job.retrying\"");
        awaitLine(output, "[queue:charges] order 8 failed for good: the payment provider refused order 8 (try 2)");
        awaitLine(log, "failed job recorded in " + dir.resolve("run/failed-jobs.jsonl"));
        List<String> record = Files.readAllLines(dir.resolve("run/failed-jobs.jsonl"));
        assertThat(record).hasSize(1);
        JsonNode entry = JSON.readTree(record.get(0));
        assertThat(entry.path("job").asText()).isEqualTo(ChargeJob.class.getName());
        assertThat(entry.path("id").asText()).isEqualTo(refused.body());
        assertThat(entry.path("queue").asText()).isEqualTo("charges-shop-local");
        assertThat(entry.path("attempts").asInt()).isEqualTo(2);
        assertThat(entry.path("reason").asText()).isEqualTo("failed");
        assertThat(entry.path("exception").asText()).contains("the payment provider refused order 8 (try 2)");
    }

    @Test
    void runsTheScheduleEntryAtItsMinute() throws Exception {
        awaitLine(output, "[cli] hello the morning from local");
        awaitLine(log, "schedule:run --at 2026-12-02T06:01:00Z: exit code 0");
    }

    @Test
    void runsACommandOnTheCliFunctionAsHoverCommandDoes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> said = new ArrayList<>();
        LocalCommand command = new LocalCommand(said::add, new PrintStream(printed, true, StandardCharsets.UTF_8));

        int greeted = command.run(dir.resolve("run"), "local", "greet Ada 'and Grace'");
        int failed = command.run(dir.resolve("run"), "local", "greet fail");

        assertThat(greeted).isEqualTo(0);
        assertThat(failed).isEqualTo(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("hello Ada and Grace from local\nhello fail from local\n");
        assertThat(said).first().asString().startsWith("$ greet Ada 'and Grace'   (hover:run at " + run.url());
    }

    @Test
    void aSecondRunOfTheStageIsRefusedWhileTheFirstRuns() {
        assertThatThrownBy(() -> LocalRun.start(build.manifest, build.descriptor, build.project.resolve(".hover"),
                dir.resolve("run"), new LocalRun.Options(0, JAVA, Clock.systemUTC()), log::add, output::add))
                .isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("hover:run of stage local is running already for this project (process "
                        + ProcessHandle.current().pid() + ", " + run.url() + ")");
    }

    @Test
    void saysSoWhenNoRunIsThereForACommand() {
        assertThatThrownBy(() -> new LocalCommand(line -> { }, System.out).run(dir.resolve("elsewhere"), "local", "greet"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("No hover:run of stage local is running for this project")
                .hasMessageContaining("mvn hover:run -Dhover.stage=local");
    }

    private static void awaitLine(List<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.stream().noneMatch(line -> line.contains(expected)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lines).as("waiting for " + expected).anyMatch(line -> line.contains(expected));
    }

    private static List<Exchange> exchanges(int port) {
        URI base = URI.create("http://127.0.0.1:" + port);
        String host = "127.0.0.1:" + port;
        return List.of(
                new Exchange(HttpRequest.newBuilder(base.resolve("/hello?name=Ada%20L")).header("Accept", "application/json")
                        .header("Cookie", "session=abc123; theme=dark"),
                        event("GET", "/hello", "name=Ada%20L", host, Map.of("accept", "application/json"),
                                List.of("session=abc123", "theme=dark"), null)),
                new Exchange(HttpRequest.newBuilder(base.resolve("/echo")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"order\":42,\"note\":\"café\"}")),
                        event("POST", "/echo", "", host, Map.of("content-type", "application/json"), List.of(),
                                "{\"order\":42,\"note\":\"café\"}")),
                new Exchange(HttpRequest.newBuilder(base.resolve("/binary")),
                        event("GET", "/binary", "", host, Map.of(), List.of(), null)),
                new Exchange(HttpRequest.newBuilder(base.resolve("/files/caf%C3%A9%20menu.txt")),
                        event("GET", "/files/caf%C3%A9%20menu.txt", "", host, Map.of(), List.of(), null)),
                new Exchange(HttpRequest.newBuilder(base.resolve("/missing")),
                        event("GET", "/missing", "", host, Map.of(), List.of(), null)));
    }

    /** The event API Gateway's HTTP API (payload format 2.0) makes of a request. */
    private static ObjectNode event(String method, String rawPath, String query, String host, Map<String, String> headers,
                                    List<String> cookies, String body) {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "$default")
                .put("rawPath", rawPath).put("rawQueryString", query);
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headerNode = event.putObject("headers").put("host", host);
        headers.forEach(headerNode::put);
        ObjectNode context = event.putObject("requestContext").put("accountId", "123456789012").put("apiId", "api")
                .put("domainName", host).put("requestId", "request").put("routeKey", "$default").put("stage", "$default");
        context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "test");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }
}
