package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where {@code hover:command -Dhover.local} reaches a running {@code hover:run}, as {@code hover:command}
 * reaches the cli function through Lambda's Invoke: {@code POST /command} with the command line, and
 * the invocation's result back ({@link InvokeResult} as JSON). Loopback only, with the token of the
 * run's state file.
 */
final class ControlServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalFunction cli;
    private final byte[] authorization;

    private ControlServer(HttpServer server, ExecutorService executor, LocalFunction cli, String token) {
        this.server = server;
        this.executor = executor;
        this.cli = cli;
        this.authorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    static ControlServer start(LocalFunction cli, String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool(Daemons.named("hover-run-control"));
        ControlServer control = new ControlServer(server, executor, cli, token);
        server.createContext("/command", control::command);
        server.setExecutor(executor);
        server.start();
        return control;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void command(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(authorization, presented.getBytes(StandardCharsets.UTF_8))) {
                JsonExchange.send(exchange, 403, JSON.createObjectNode().put("message", "not this run's token").toString());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                JsonExchange.send(exchange, 405, JSON.createObjectNode().put("message", "POST the command line").toString());
                return;
            }
            String commandLine = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            InvokeResult result = cli.invoke(dev.hover.plugin.command.CommandAnswer.event(commandLine)
                    .getBytes(StandardCharsets.UTF_8));
            JsonExchange.send(exchange, 200, JSON.createObjectNode().put("functionError", result.functionError().orElse(null))
                    .put("payload", result.payload()).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
