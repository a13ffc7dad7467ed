package dev.hover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/** Free loopback ports, for programs that must be told their port up front. */
final class FreePorts {

    private static final int ATTEMPTS = 3;

    private FreePorts() {
    }

    static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Starts something on a free port, trying another port if the start fails: between our probe
     * and the program's bind, a test JVM of someone else may have taken the port.
     */
    static <T> T startOnFreePort(IntFunction<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.apply(next());
            } catch (LocalProcess.StartFailedException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
