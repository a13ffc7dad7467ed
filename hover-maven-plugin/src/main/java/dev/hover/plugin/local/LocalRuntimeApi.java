package dev.hover.plugin.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) of one local container, served on loopback to the one runtime
 * process that {@code AWS_LAMBDA_RUNTIME_API} points at: {@code invocation/next} hands out the
 * container's one pending event, {@code /response} and {@code /error} settle it, {@code init/error}
 * records why the container could not start, and {@code restore/next} answers 404 as aws-lambda-rie
 * does (nothing is snapshotted here, so the runtime goes on as without SnapStart).
 */
final class LocalRuntimeApi implements AutoCloseable {
    /** Lambda's limit for a synchronous invocation's response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    private static final String BASE = "/2018-06-01/runtime";
    private static final String INVOCATION = BASE + "/invocation/";
    private static final String ACCEPTED = "{\"status\":\"OK\"}";

    private final String functionArn;
    private final Clock clock;
    private final BlockingQueue<LocalInvocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, LocalInvocation> handedOut = new ConcurrentHashMap<>();
    private volatile String initError;
    private volatile boolean closed;
    private LoopbackServer server;

    private LocalRuntimeApi(String functionArn, Clock clock) {
        this.functionArn = functionArn;
        this.clock = clock;
    }

    static LocalRuntimeApi start(String functionArn, Clock clock) throws IOException {
        LocalRuntimeApi api = new LocalRuntimeApi(functionArn, clock);
        api.server = LoopbackServer.start(0, "hover-runtime-api", api::handle);
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.port();
    }

    /** Queues an event for the runtime's next {@code next}. */
    void offer(LocalInvocation invocation) {
        pending.add(invocation);
    }

    /** Takes back an event no runtime has taken yet; false when one has. */
    boolean withdraw(LocalInvocation invocation) {
        return pending.remove(invocation);
    }

    /** The error document the runtime posted to {@code init/error}, once it has. */
    Optional<String> initError() {
        return Optional.ofNullable(initError);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(BASE + "/")) {
                JsonExchange.send(exchange, 404, LambdaErrors.document("InvalidRequest", path + " is not the Runtime API"));
            } else if (method.equals("GET") && path.equals(INVOCATION + "next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/response")) {
                settle(exchange, path.substring(INVOCATION.length(), path.length() - "/response".length()), false);
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/error")) {
                settle(exchange, path.substring(INVOCATION.length(), path.length() - "/error".length()), true);
            } else if (method.equals("POST") && path.equals(BASE + "/init/error")) {
                initError = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                JsonExchange.send(exchange, 202, ACCEPTED);
            } else {
                // restore/next among them: no snapshot is ever taken here, as under aws-lambda-rie
                JsonExchange.send(exchange, 404, LambdaErrors.document("InvalidRequest", method + " " + path
                        + " is not served by hover:run's Runtime API"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        LocalInvocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            JsonExchange.send(exchange, 500, LambdaErrors.document("Runtime.Stopped", "hover:run is stopping"));
            return;
        }
        long deadline = invocation.handOut(clock.millis());
        handedOut.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(deadline / 1000) + "-" + invocation.requestId()
                .replace("-", "").substring(0, 24) + ";Sampled=0");
        byte[] event = invocation.event();
        exchange.sendResponseHeaders(200, event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event);
        }
    }

    private void settle(HttpExchange exchange, String rawId, boolean error) throws IOException {
        String requestId = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        LocalInvocation invocation = handedOut.remove(requestId);
        if (invocation == null) {
            JsonExchange.send(exchange, 400, LambdaErrors.document("InvalidRequestID", "no invocation " + requestId
                    + " is waiting for an answer"));
            return;
        }
        byte[] body = HttpGateway.readAtMost(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
        if (body == null) {
            invocation.fail("Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
            JsonExchange.send(exchange, 413, LambdaErrors.document("RequestEntityTooLarge", "over " + MAX_RESPONSE_BYTES + " bytes"));
            return;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        if (error) {
            invocation.failWith(payload);
        } else {
            invocation.succeed(payload);
        }
        JsonExchange.send(exchange, 202, ACCEPTED);
    }

    @Override
    public void close() {
        closed = true;
        server.close();
    }
}
