package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Where {@code hover:command -Dhover.local} reaches a running {@code hover:run}, as {@code hover:command}
 * reaches the cli function through Lambda's Invoke: {@code POST /command} with the command line, and
 * the invocation's result back ({@link InvokeResult} as JSON). Loopback only, with the token of the
 * run's state file.
 */
final class ControlServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalFunction cli;
    private final byte[] authorization;
    private LoopbackServer server;

    private ControlServer(LocalFunction cli, String token) {
        this.cli = cli;
        this.authorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    static ControlServer start(LocalFunction cli, String token) throws IOException {
        ControlServer control = new ControlServer(cli, token);
        control.server = LoopbackServer.start(0, "hover-run-control", control::command);
        return control;
    }

    String url() {
        return server.url();
    }

    private void command(HttpExchange exchange) throws IOException {
        try (exchange) {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(authorization, presented.getBytes(StandardCharsets.UTF_8))) {
                JsonExchange.send(exchange, 403, JSON.createObjectNode().put("message", "not this run's token").toString());
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/command")) {
                JsonExchange.send(exchange, 404, JSON.createObjectNode().put("message", "POST /command").toString());
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
        server.close();
    }
}
