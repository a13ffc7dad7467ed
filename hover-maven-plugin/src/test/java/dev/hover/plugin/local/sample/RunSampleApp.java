package dev.hover.plugin.local.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hover.runtime.api.Commands;
import dev.hover.runtime.api.Jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The application {@code hover:run}'s tests run: a plain JDK server on {@code PORT} that shows what
 * it received, answers binary bodies, cookies, redirects and 404s; a command; a job dispatched by a request.
 */
public final class RunSampleApp {
    private RunSampleApp() {
    }

    public static void main(String[] args) throws IOException {
        Commands.register("greet", "Greets whoever is named", context -> {
            context.out().println("hello " + String.join(" ", context.args()) + " from " + System.getenv("HOVER_STAGE"));
            return context.args().contains("fail") ? 3 : 0;
        });
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/", RunSampleApp::serve);
        server.start();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (path) {
                case "/hello" -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "visited=yes; Path=/");
                    exchange.getResponseHeaders().add("Set-Cookie", "lang=en; Path=/");
                    exchange.getResponseHeaders().add("X-Seen", "a");
                    exchange.getResponseHeaders().add("X-Seen", "b");
                    send(exchange, 200, "application/json", ("{\"method\":\"" + exchange.getRequestMethod()
                            + "\",\"query\":\"" + exchange.getRequestURI().getRawQuery()
                            + "\",\"cookie\":\"" + exchange.getRequestHeaders().getFirst("Cookie")
                            + "\",\"accept\":\"" + exchange.getRequestHeaders().getFirst("Accept")
                            + "\",\"secret\":\"" + System.getenv("API_KEY")
                            + "\",\"greeting\":\"" + System.getenv("GREETING") + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                case "/echo" -> send(exchange, 201, exchange.getRequestHeaders().getFirst("Content-Type"), body);
                case "/binary" -> {
                    byte[] png = new byte[256];
                    for (int i = 0; i < png.length; i++) {
                        png[i] = (byte) i;
                    }
                    send(exchange, 200, "image/png", png);
                }
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                            + "://" + exchange.getRequestHeaders().getFirst("Host") + "/done");
                    send(exchange, 302, "text/plain", new byte[0]);
                }
                case "/dispatch" -> {
                    String query = exchange.getRequestURI().getQuery();
                    String id = Jobs.dispatch(ChargeJob.class, new ChargeJob.Order(Long.parseLong(query.replaceAll("\\D", "")),
                            query.contains("fail")));
                    send(exchange, 202, "text/plain", id.getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    if (path.startsWith("/files/")) {
                        send(exchange, 200, "text/plain; charset=utf-8",
                                path.substring("/files/".length()).getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(exchange, 404, "text/plain", ("no " + path).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
