package com.example.hello;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A web application that knows nothing of Lambda: it reads its port and greeting from the
 * environment, as it would anywhere, and Hover's runtime forwards each request to it.
 */
public final class HelloApplication {
    private HelloApplication() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(setting("PORT", "8080"));
        String greeting = setting("GREETING", "Hello");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", exchange -> answer(exchange, greeting + " from " + exchange.getRequestURI().getPath() + "\n"));
        server.start();
        System.out.println("hello: listening on " + port);
    }

    /** Hover exposes the stage's environment as system properties; a local run uses real variables. */
    private static String setting(String key, String fallback) {
        String value = System.getProperty(key, System.getenv(key));
        return value == null ? fallback : value;
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
