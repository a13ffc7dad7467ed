package dev.hover.runtime.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hover.runtime.api.HoverEnvironment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A plain JDK web application, no framework, as the runtime's tests and benchmarks run it. Its
 * port comes from the stage's environment ({@code SAMPLE_PORT}), in its process environment before
 * {@code main} runs.
 */
public final class SampleApp {
    private SampleApp() {
    }

    private static HttpServer server;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("SAMPLE_PORT", "8080"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", SampleApp::route);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private static void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            switch (path) {
                case "/health" -> send(exchange, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
                case "/echo" -> echo(exchange);
                case "/binary" -> binary(exchange);
                case "/slow" -> slow(exchange);
                case "/crash" -> throw new IllegalStateException("crashing as asked");
                case "/big" -> big(exchange);
                case "/env" -> environment(exchange);
                case "/secret" -> secret(exchange);
                case "/bad-headers" -> badHeaders(exchange);
                case "/stop" -> stop(exchange);
                default -> send(exchange, 404, "text/plain", ("no route " + path).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Describes the request it got, one line per fact, and answers with cookies and a repeated header. */
    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        StringBuilder text = new StringBuilder();
        text.append("method=").append(exchange.getRequestMethod()).append('\n');
        text.append("path=").append(exchange.getRequestURI().getRawPath()).append('\n');
        text.append("query=").append(exchange.getRequestURI().getRawQuery()).append('\n');
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(exchange.getRequestHeaders());
        sorted.forEach((name, values) -> values.forEach(value ->
                text.append("header.").append(name.toLowerCase()).append('=').append(value).append('\n')));
        text.append("body=").append(Base64.getEncoder().encodeToString(body)).append('\n');
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/; HttpOnly");
        exchange.getResponseHeaders().add("Set-Cookie", "theme=dark");
        exchange.getResponseHeaders().add("X-Multi", "one");
        exchange.getResponseHeaders().add("X-Multi", "two");
        send(exchange, 200, "text/plain; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every byte value, or the request's own bytes back when it has a body. */
    private static void binary(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length == 0) {
            body = new byte[256];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) i;
            }
        }
        send(exchange, 200, "application/octet-stream", body);
    }

    private static void slow(HttpExchange exchange) throws IOException {
        long millis = Long.parseLong(queryValue(exchange, "ms", "5000"));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 200, "text/plain", ("slept " + millis).getBytes(StandardCharsets.UTF_8));
    }

    /** A chunked response of {@code bytes} bytes. */
    private static void big(HttpExchange exchange) throws IOException {
        int size = Integer.parseInt(queryValue(exchange, "bytes", "1024"));
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int written = 0; written < size; written += line.length) {
                out.write(line, 0, Math.min(line.length, size - written));
            }
        }
    }

    private static void environment(HttpExchange exchange) throws IOException {
        String name = queryValue(exchange, "name", "GREETING");
        String text = "variable=" + HoverEnvironment.variable(name).orElse("<unset>") + '\n'
                + "getenv=" + System.getenv(name) + '\n'
                + "property=" + System.getProperty(name) + '\n'
                + "child=" + childsView(name) + '\n'
                + "stage=" + HoverEnvironment.stage().orElse("<none>") + '\n'
                + "user.home=" + System.getProperty("user.home") + '\n'
                + "nodelay=" + System.getProperty("sun.net.httpserver.nodelay") + '\n'
                + "thread=" + Thread.currentThread().getName() + '\n';
        send(exchange, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** What a child process started the plainest way (no environment given) sees of a variable. */
    private static String childsView(String name) throws IOException {
        Process child = new ProcessBuilder("sh", "-c", "printenv " + name + " || echo '<unset>'").start();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** Whether a secret (or any stage variable) is set, and its length: never its value. */
    private static void secret(HttpExchange exchange) throws IOException {
        String name = queryValue(exchange, "name", "");
        String text = HoverEnvironment.variable(name)
                .map(value -> "present=true\nlength=" + value.length() + '\n')
                .orElse("present=false\n");
        send(exchange, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Headers no HTTP server should send, beside a good one: a NUL in a value, a space in a name. */
    private static void badHeaders(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("X-Nul", "before\u0000after");
        exchange.getResponseHeaders().add("X-Bad name", "spaced");
        exchange.getResponseHeaders().add("Set-Cookie", "evil=1\u0000; Path=/");
        exchange.getResponseHeaders().add("X-Good", "yes");
        send(exchange, 200, "text/plain", "bad headers".getBytes(StandardCharsets.UTF_8));
    }

    /** Answers, then stops listening: the application's server is gone, its JVM goes on. */
    private static void stop(HttpExchange exchange) throws IOException {
        send(exchange, 200, "text/plain", "stopping".getBytes(StandardCharsets.UTF_8));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200); // once this exchange has been answered and closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(0);
        }, "sample-stop");
        stopper.start();
    }

    private static String queryValue(HttpExchange exchange, String name, String fallback) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
