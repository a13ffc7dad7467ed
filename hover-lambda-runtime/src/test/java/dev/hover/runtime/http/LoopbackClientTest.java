package dev.hover.runtime.http;

import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool against a stand-in server that answers one request per connection with keep-alive
 * and then closes it, as an application server's idle reaper does.
 */
class LoopbackClientTest {
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private LoopbackClient clientOfServerThatClosesAfterOneAnswer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(50); // the client has pooled the connection by now
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return new LoopbackClient(server.getLocalPort());
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static RequestHead head(String method) {
        return new RequestHead().start(method, "/").header("Host", "127.0.0.1").end();
    }

    @Test
    void anIdempotentRequestOnAConnectionClosedWhileIdleIsSentAgainOnANewOne() throws Exception {
        LoopbackClient client = clientOfServerThatClosesAfterOneAnswer();
        client.exchange(head("GET"), null, 0, 0, true, false, 100, System.currentTimeMillis() + 5000);
        Thread.sleep(200);

        HttpResponse second = client.exchange(head("GET"), null, 0, 0, true, false, 100, System.currentTimeMillis() + 5000);

        assertThat(new String(second.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void aPostOnAConnectionClosedWhileIdleFailsRatherThanRunTwice() throws Exception {
        LoopbackClient client = clientOfServerThatClosesAfterOneAnswer();
        client.exchange(head("GET"), null, 0, 0, true, false, 100, System.currentTimeMillis() + 5000);
        Thread.sleep(200);

        assertThatThrownBy(() -> client.exchange(head("POST"), null, 0, 0, false, false, 100,
                System.currentTimeMillis() + 5000)).isInstanceOf(EOFException.class);
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void aSilentApplicationTimesOutAtTheDeadline() throws Exception {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        LoopbackClient client = new LoopbackClient(server.getLocalPort());
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.exchange(head("GET"), null, 0, 0, true, false, 100,
                System.currentTimeMillis() + 300)).isInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 3000L);
    }

    @Test
    void anApplicationThatIsDownIsRefused() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        LoopbackClient client = new LoopbackClient(port);

        assertThatThrownBy(() -> client.get("/health", System.currentTimeMillis() + 1000)).isInstanceOf(ConnectException.class);
    }
}
