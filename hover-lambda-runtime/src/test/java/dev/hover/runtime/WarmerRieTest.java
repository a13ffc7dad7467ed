package dev.hover.runtime;

import com.sun.net.httpserver.HttpServer;
import dev.hover.runtime.sample.SampleApp;
import dev.hover.testsupport.EmulatedFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warmer end to end under aws-lambda-rie: its fan-out goes through the AWS SDK to a recording
 * Lambda endpoint ({@code AWS_ENDPOINT_URL_LAMBDA}), which answers each ping as a warm container
 * would, after 75 ms.
 */
class WarmerRieTest {
    @TempDir
    static Path taskRoot;
    private static HttpServer lambdaApi;
    private static EmulatedFunction function;
    private static final List<String> calls = new CopyOnWriteArrayList<>();
    private static final AtomicInteger inFlight = new AtomicInteger();
    private static final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        lambdaApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        lambdaApi.createContext("/", exchange -> {
            try (exchange) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
                sleep(75);
                inFlight.decrementAndGet();
                byte[] pong = "{\"pong\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
                exchange.sendResponseHeaders(200, pong.length);
                exchange.getResponseBody().write(pong);
            }
        });
        lambdaApi.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        lambdaApi.start();
        function = SampleFunctions.start(taskRoot,
                SampleFunctions.manifest(SampleApp.class.getName(), SampleFunctions.freePort(), 30),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "20",
                        "AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:" + lambdaApi.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
        lambdaApi.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void fansOutNMinusOneConcurrentPingsOfItsOwnFunction() {
        calls.clear();

        String answer = function.invoke("{\"warmer\": true, \"concurrency\": 4}");

        assertThat(answer).as(function.output()).isEqualTo("{\"warmed\":4}");
        assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(call).isEqualTo(
                "POST /2015-03-31/functions/" + functionName() + "/invocations {\"warmerPing\":true}"));
        assertThat(mostInFlight.get()).isEqualTo(3);
        assertThat(function.output()).contains("warmer: 3 of 3 pings of " + functionName() + " answered");
    }

    @Test
    void aPingAnswersPromptlyWithoutTouchingTheLambdaApi() {
        calls.clear();
        long started = System.nanoTime();

        String answer = function.invoke("{\"warmerPing\": true}");

        assertThat(answer).isEqualTo("{\"pong\":true}");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(75L, 5_000L);
        assertThat(calls).isEmpty();
    }

    /** The emulator invokes the function by the name it gives it, unqualified. */
    private static String functionName() {
        return "hover-test-function";
    }
}
