package dev.hover.plugin.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One of {@code hover:run}'s HTTP servers (the JDK's): on 127.0.0.1 only, a daemon thread per open
 * exchange (a Runtime API's {@code next} may wait for minutes), stopped at once when closed.
 */
final class LoopbackServer implements AutoCloseable {
    static {
        // read when the JDK's server starts: without it every keep-alive exchange on loopback waits ~40 ms
        // (Nagle and delayed ACK), as the runtime's Bootstrap sets it for the application's
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @param port 0 for a free one */
    static LoopbackServer start(int port, String threads, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newCachedThreadPool(Daemons.named(threads));
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new LoopbackServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
