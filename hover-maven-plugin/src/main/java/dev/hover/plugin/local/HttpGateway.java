package dev.hover.plugin.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.hover.plugin.deploy.AssetHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stage's public URL on this machine, in place of CloudFront and API Gateway: {@code /assets/*}
 * from the build's collected assets (as the distribution serves them from the bucket), everything else
 * through the http function as API Gateway's HTTP API sends it (payload format 2.0, Lambda's 6 MB limit
 * on the event). Requests may come in at once; the function takes them one at a time.
 */
final class HttpGateway implements AutoCloseable {
    /** Lambda's limit for a synchronous invocation's event. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;
    private static final String ASSETS = "/assets/";

    private final LocalFunction function;
    private final Optional<Path> assets;
    private final String assetUrl;
    private final String originVerify;
    private final Consumer<String> log;
    private final Clock clock;
    private LoopbackServer server;

    private HttpGateway(LocalFunction function, Optional<Path> assets, String assetUrl, String originVerify,
                        Consumer<String> log, Clock clock) {
        this.function = function;
        this.assets = assets;
        this.assetUrl = assetUrl;
        this.originVerify = originVerify;
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param port     on 127.0.0.1; 0 for a free one
     * @param assets   the build's collected assets, when it has some
     * @param assetUrl the build's {@code ASSET_URL}, {@code /assets/<build-id>}
     */
    static HttpGateway start(int port, LocalFunction function, Optional<Path> assets, String assetUrl,
                             String originVerify, Consumer<String> log, Clock clock) throws IOException {
        HttpGateway gateway = new HttpGateway(function, assets, assetUrl, originVerify, log, clock);
        try {
            gateway.server = LoopbackServer.start(port, "hover-gateway", gateway::handle);
        } catch (BindException e) {
            throw new LocalRunException("Port " + port + " on 127.0.0.1 is taken (" + e.getMessage()
                    + "); perhaps you should stop what listens there or choose another port with -Dhover.port", e);
        }
        return gateway;
    }

    int port() {
        return server.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            HttpAnswer answer;
            try {
                answer = path.startsWith(ASSETS) ? asset(path) : invoke(exchange);
            } catch (RuntimeException e) {
                // the function's container could not be started: API Gateway's answer to a failed integration
                log.accept(exchange.getRequestMethod() + " " + path + ": " + e.getMessage());
                answer = HttpAnswer.gatewayError(500, "Internal Server Error");
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpAnswer invoke(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_EVENT_BYTES);
        if (body == null) {
            return HttpAnswer.gatewayError(413, "Request Entity Too Large");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> headers.add(Map.entry(name, value))));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        byte[] event = new HttpRequestEvent(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery, headers, body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                clock.instant(), UUID.randomUUID().toString())
                .toJson(new HttpRequestEvent.Forwarding(originVerify, exchange.getLocalAddress().getPort()));
        if (event.length > MAX_EVENT_BYTES) {
            return HttpAnswer.gatewayError(413, "Request Entity Too Large");
        }
        var result = function.invoke(event);
        result.functionError().ifPresent(error -> log.accept(exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getRawPath() + ": the http function failed: " + result.payload()));
        return HttpAnswer.of(result);
    }

    /** {@code /assets/<build-id>/<file>}: the build's own assets, as the distribution serves its bucket prefix. */
    private HttpAnswer asset(String path) throws IOException {
        String prefix = assetUrl + "/";
        if (assets.isEmpty() || !path.startsWith(prefix)) {
            return HttpAnswer.gatewayError(404, "Not Found");
        }
        Path root = assets.get().toAbsolutePath().normalize();
        Path file = root.resolve(java.net.URLDecoder.decode(path.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8))
                .normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return HttpAnswer.gatewayError(404, "Not Found");
        }
        String name = file.getFileName().toString();
        return new HttpAnswer(200, List.of(Map.entry("Content-Type", AssetHeaders.contentType(name)),
                Map.entry("Cache-Control", AssetHeaders.cacheControl(name))), Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, HttpAnswer answer) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        answer.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        boolean bodiless = exchange.getRequestMethod().equals("HEAD") || answer.status() == 204 || answer.status() == 304
                || answer.body().length == 0;
        exchange.sendResponseHeaders(answer.status(), bodiless ? -1 : answer.body().length);
        if (!bodiless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    /** @return the bytes, or null when there are more than {@code limit} */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    @Override
    public void close() {
        server.close();
    }
}
