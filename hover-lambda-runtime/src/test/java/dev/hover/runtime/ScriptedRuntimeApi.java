package dev.hover.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Lambda Runtime API that follows a script: {@code restore/next} answers as
 * told (after running a callback, which sees the container as it is when it would be
 * snapshotted), {@code invocation/next} hands out the queued events one by one and then answers
 * 500, which makes the runtime exit as the contract asks. Every call is recorded in order, as
 * {@code METHOD path [error type] body}.
 */
final class ScriptedRuntimeApi implements AutoCloseable {
    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<byte[]> events = new ArrayDeque<>();
    private volatile int restoreStatus = 200;
    private volatile Runnable atRestore = () -> { };
    private int served;

    ScriptedRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedRuntimeApi event(byte[] payload) {
        synchronized (events) {
            events.add(payload);
        }
        return this;
    }

    /** What {@code restore/next} answers (404 is what aws-lambda-rie answers). */
    ScriptedRuntimeApi restoreStatus(int status) {
        this.restoreStatus = status;
        return this;
    }

    /** Runs when {@code restore/next} is called, before it answers. */
    ScriptedRuntimeApi atRestore(Runnable callback) {
        this.atRestore = callback;
        return this;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The body posted to the n-th (0-based) {@code …/response} call. */
    String response(int index) {
        return calls.stream().filter(call -> call.startsWith("POST ") && call.contains("/response "))
                .skip(index).findFirst().map(call -> call.substring(call.indexOf(" null ") + 6)).orElseThrow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") + " " + body);
            if (path.endsWith("/restore/next")) {
                atRestore.run();
                answer(exchange, restoreStatus, restoreStatus == 404 ? "404 page not found" : "");
            } else if (path.endsWith("/invocation/next")) {
                next(exchange);
            } else {
                answer(exchange, 202, "{\"status\":\"OK\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        byte[] event;
        synchronized (events) {
            event = events.poll();
        }
        if (event == null) {
            answer(exchange, 500, "{\"errorMessage\":\"the script has no more events\"}");
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "request-" + (++served));
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 20_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:sample-test-http:7");
        exchange.sendResponseHeaders(200, event.length);
        exchange.getResponseBody().write(event);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
