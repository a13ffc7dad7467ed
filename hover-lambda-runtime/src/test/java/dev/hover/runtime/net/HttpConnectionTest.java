package dev.hover.runtime.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies against a peer that accepts the connection and never reads from it. */
class HttpConnectionTest {
    private ServerSocket server;
    private Socket accepted;

    @AfterEach
    void stop() throws IOException {
        if (accepted != null) {
            accepted.close();
        }
        server.close();
    }

    private HttpConnection connectionToAPeerThatNeverReads() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        HttpConnection connection = HttpConnection.open("127.0.0.1", server.getLocalPort(), 1000);
        accepted = server.accept();
        return connection;
    }

    private static RequestHead post(int length) {
        return new RequestHead().start("POST", "/upload").header("Host", "127.0.0.1").header("Content-Length", length).end();
    }

    @Test
    void aLargeBodyThePeerDoesNotReadFailsAtTheDeadlineInsteadOfBlocking() throws IOException {
        HttpConnection connection = connectionToAPeerThatNeverReads();
        byte[] body = new byte[16 * 1024 * 1024];
        long started = System.nanoTime();

        assertThatThrownBy(() -> connection.send(post(body.length), body, 0, body.length, System.currentTimeMillis() + 300))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessage("The peer did not read the 16777216-byte request body before the deadline");
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(250L, 5000L);
    }

    @Test
    void aBodyPastItsDeadlineIsNotSentAtAll() throws IOException {
        HttpConnection connection = connectionToAPeerThatNeverReads();
        byte[] body = new byte[64 * 1024];

        assertThatThrownBy(() -> connection.send(post(body.length), body, 0, body.length, System.currentTimeMillis() - 1))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessage("The deadline passed before the request body was sent");
    }

    @Test
    void aLargeBodyThatFitsBeforeTheDeadlineLeavesTheConnectionOpen() throws Exception {
        HttpConnection connection = connectionToAPeerThatNeverReads();
        byte[] body = new byte[64 * 1024];
        Thread reader = new Thread(() -> {
            try {
                accepted.getInputStream().readNBytes(post(body.length).size() + body.length);
                accepted.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes());
            } catch (IOException e) {
                // the test fails on the missing answer
            }
        });
        reader.start();

        connection.send(post(body.length), body, 0, body.length, System.currentTimeMillis() + 5000);

        assertThat(connection.receive(false, 100, System.currentTimeMillis() + 5000).status()).isEqualTo(204);
        reader.join();
    }
}
