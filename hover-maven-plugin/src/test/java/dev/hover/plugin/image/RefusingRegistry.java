package dev.hover.plugin.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A registry that asks for Basic credentials and refuses whatever it gets: a small fake, since
 * Debian's docker-registry only takes bcrypt htpasswd files and nothing here writes bcrypt. It
 * drops TLS handshakes at once, as a plain-HTTP registry does, so that Jib falls back to HTTP.
 */
final class RefusingRegistry implements AutoCloseable {
    private static final int TLS_HANDSHAKE = 0x16;
    private static final String BODY = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";

    private final ServerSocket server;

    RefusingRegistry() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "refusing-registry");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                int first = in.read();
                if (first == TLS_HANDSHAKE || first < 0) {
                    continue;
                }
                readHeaders(in);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 401 Unauthorized\r\n"
                        + "WWW-Authenticate: Basic realm=\"hover-test\"\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + BODY.length() + "\r\n"
                        + "Connection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // a client that went away, or the server closing: serve the next one or stop
            }
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            headers.write(b);
            if (headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
