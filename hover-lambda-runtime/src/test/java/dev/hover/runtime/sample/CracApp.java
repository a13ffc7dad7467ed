package dev.hover.runtime.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web application that registers two org.crac resources, {@code pool} then {@code cache}, as
 * a framework would, and keeps a timeline of what happened to it: each request (path and user
 * agent) and each hook. {@code GET /timeline} answers the timeline, one entry a line. With the
 * stage variable {@code SAMPLE_FAIL_RESTORE=true} the {@code cache} resource fails after restore.
 */
public final class CracApp {
    private static final List<String> TIMELINE = new CopyOnWriteArrayList<>();
    // org.crac holds resources weakly, as CRaC does: the application keeps them
    private static final List<Resource> RESOURCES = new CopyOnWriteArrayList<>();

    private CracApp() {
    }

    public static void main(String[] args) throws IOException {
        boolean failRestore = Boolean.parseBoolean(System.getenv().getOrDefault("SAMPLE_FAIL_RESTORE", "false"));
        register(new Hooks("pool", false));
        register(new Hooks("cache", failRestore));
        int port = Integer.parseInt(System.getenv().getOrDefault("SAMPLE_PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", CracApp::route);
        server.start();
    }

    private static void register(Resource resource) {
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    private static void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            TIMELINE.add("request " + path + (query == null ? "" : "?" + query) + " "
                    + exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = (path.equals("/timeline") ? String.join("\n", TIMELINE) : "ok " + path)
                    .getBytes(StandardCharsets.UTF_8);
            int status = path.equals("/missing") ? 404 : 200;
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static final class Hooks implements Resource {
        private final String name;
        private final boolean failRestore;

        Hooks(String name, boolean failRestore) {
            this.name = name;
            this.failRestore = failRestore;
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            TIMELINE.add("beforeCheckpoint " + name);
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            TIMELINE.add("afterRestore " + name);
            if (failRestore) {
                throw new IllegalStateException("the " + name + " cannot reconnect to cache.internal:6379");
            }
        }
    }
}
