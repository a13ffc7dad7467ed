package dev.hover.runtime.sample;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** An application that listens, but on a port of its own choosing ({@code SAMPLE_OTHER_PORT}), not on http.port. */
public final class WrongPortApp {
    private WrongPortApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SAMPLE_OTHER_PORT"));
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8).start();
    }
}
