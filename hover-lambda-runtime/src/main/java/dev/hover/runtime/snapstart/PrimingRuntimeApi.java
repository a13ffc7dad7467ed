package dev.hover.runtime.snapstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Runtime API on loopback that hands out the priming events and keeps what the runtime posts
 * back, so that priming takes the same path a real invocation takes after the restore: the
 * runtime's own Runtime API client ({@code next}, {@code response}) as well as the handler.
 * It lives only during the init, before the snapshot.
 */
final class PrimingRuntimeApi implements AutoCloseable {
    private static final String NEXT = "/2018-06-01/runtime/invocation/next";
    private static final String INVOCATION = "/2018-06-01/runtime/invocation/";
    private static final long EVENT_DEADLINE_MILLIS = 10_000;

    private final HttpServer server;
    private final Deque<byte[]> events;
    private final List<Answer> answers;

    /** What the runtime posted for one event: its response, or {@code null} for an invocation error. */
    record Answer(byte[] response) {
    }

    PrimingRuntimeApi(List<byte[]> events) throws IOException {
        this.events = new ArrayDeque<>(events);
        this.answers = new ArrayList<>(events.size());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(NEXT, this::next);
        server.createContext(INVOCATION, this::answer);
        server.start();
    }

    /** {@code host:port}, as in {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** In the order the events were handed out; read after the loop has taken them all. */
    synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    private void next(HttpExchange exchange) throws IOException {
        byte[] event;
        synchronized (this) {
            event = events.poll();
        }
        try (exchange) {
            if (event == null) {
                // more nexts than events: the loop is told the truth, it was asked for no more
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "hover-prime-" + answersSoFar());
            exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + EVENT_DEADLINE_MILLIS));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, event.length);
            exchange.getResponseBody().write(event);
        }
    }

    /** {@code POST …/invocation/<id>/response} or {@code …/error}. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] posted = body.readAllBytes();
            boolean response = exchange.getRequestURI().getPath().endsWith("/response");
            synchronized (this) {
                answers.add(new Answer(response ? posted : null));
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private synchronized int answersSoFar() {
        return answers.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
