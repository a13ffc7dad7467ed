package dev.hover.runtime.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hover.runtime.Invocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a stand-in Runtime API that records what it receives. */
class RuntimeApiClientTest {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.stop(0);
        }
    }

    private RuntimeApiClient clientOf(ApiHandler handler) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        api.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
                handler.handle(exchange);
            }
        });
        api.start();
        return new RuntimeApiClient("127.0.0.1:" + api.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void event(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", "1795000030000");
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:shop-dev-http:live");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700");
        answer(exchange, 200, "{\"rawPath\":\"/\"}");
    }

    @Test
    void readsAnInvocationFromNextAndPostsItsResponse() throws IOException {
        RuntimeApiClient client = clientOf(exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                event(exchange);
            } else {
                answer(exchange, 202, "{\"status\":\"OK\"}");
            }
        });

        Invocation invocation = client.next();
        client.respond(invocation.requestId(), "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));

        assertThat(invocation.requestId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        assertThat(invocation.deadlineMs()).isEqualTo(1_795_000_030_000L);
        assertThat(invocation.invokedFunctionArn()).endsWith(":function:shop-dev-http:live");
        assertThat(invocation.traceId()).startsWith("Root=1-");
        assertThat(new String(invocation.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"rawPath\":\"/\"}");
        assertThat(received).containsExactly(
                "GET /2018-06-01/runtime/invocation/next null null ",
                "POST /2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/response null application/json {\"statusCode\":200}");
    }

    @Test
    void reportsErrorsInTheContractsFormat() throws IOException {
        RuntimeApiClient client = clientOf(exchange -> answer(exchange, 202, ""));
        ErrorReport failure = ErrorReport.of("UserException", new IllegalStateException("boom",
                new java.io.UncheckedIOException(new IOException("disk"))));

        client.reportInvocationError("req-1", failure);
        client.reportInitError(ErrorReport.diagnosed("AppNotReady", "not ready within 2000 ms", null));

        assertThat(received.get(0)).startsWith("POST /2018-06-01/runtime/invocation/req-1/error Runtime.UserException"
                + " application/vnd.aws.lambda.error+json {\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[\"dev.hover.runtime.lambda.RuntimeApiClientTest.reportsErrorsInTheContractsFormat(");
        assertThat(received.get(0)).contains("\"Caused by: java.io.UncheckedIOException: java.io.IOException: disk\"",
                "\"Caused by: java.io.IOException: disk\"");
        assertThat(received.get(1)).isEqualTo("POST /2018-06-01/runtime/init/error Runtime.AppNotReady"
                + " application/vnd.aws.lambda.error+json {\"errorMessage\":\"not ready within 2000 ms\","
                + "\"errorType\":\"Runtime.AppNotReady\",\"stackTrace\":[]}");
    }

    @Test
    void retriesNextWhenTheApiFailsForAMoment() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RuntimeApiClient client = clientOf(exchange -> {
            if (calls.incrementAndGet() < 3) {
                answer(exchange, 502, "busy");
            } else {
                event(exchange);
            }
        });

        assertThat(client.next().requestId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aContainerErrorFromNextIsFinal() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RuntimeApiClient client = clientOf(exchange -> {
            calls.incrementAndGet();
            answer(exchange, 500, "{\"errorType\":\"Runtime.ContainerError\"}");
        });

        assertThatThrownBy(client::next).isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("refused next with 500");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void givesUpOnAnApiThatIsNotThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RuntimeApiClient client = new RuntimeApiClient("127.0.0.1:" + closedPort);

        assertThatThrownBy(client::next).isInstanceOf(RuntimeApiException.class)
                .hasMessage("The Runtime API cannot be reached at 127.0.0.1:" + closedPort);
    }

    @Test
    void aRejectedPostIsAnError() throws IOException {
        RuntimeApiClient client = clientOf(exchange -> answer(exchange, 413, "{\"errorType\":\"RequestEntityTooLarge\"}"));

        assertThatThrownBy(() -> client.respond("req-1", new byte[10]))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("answered 413");
    }

    @FunctionalInterface
    private interface ApiHandler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
