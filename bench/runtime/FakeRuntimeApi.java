import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The Runtime API's side of the exchange for {@link RuntimeBench}, on raw sockets and one kept-alive
 * connection at a time: no server framework between the measured runtime and the clock.
 */
final class FakeRuntimeApi implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long firstNext;

    FakeRuntimeApi() throws IOException {
    }

    int port() {
        return server.getLocalPort();
    }

    void awaitConnection() throws IOException {
        server.setSoTimeout(60_000);
        socket = server.accept();
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        expect("GET /2018-06-01/runtime/invocation/next");
        firstNext = System.nanoTime();
    }

    long firstNextArrival() {
        return firstNext;
    }

    /** SnapStart: takes {@code restore/next} on its own connection and answers at once, as a restore would. */
    void answerRestoreNext() throws IOException {
        server.setSoTimeout(60_000);
        try (Socket restore = server.accept()) {
            InputStream input = new BufferedInputStream(restore.getInputStream());
            String line = readRequest(input);
            if (line == null || !line.startsWith("GET /2018-06-01/runtime/restore/next")) {
                throw new IllegalStateException("expected restore/next, got " + line);
            }
            restore.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            restore.getOutputStream().flush();
        }
    }

    /** Hands out the event for the pending {@code next}; returns the time until the response is read. */
    long invoke(byte[] event) throws IOException {
        String id = UUID.randomUUID().toString();
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: " + id
                + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000)
                + "\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench"
                + "\r\nContent-Length: " + event.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + event.length);
        System.arraycopy(event, 0, all, head.length, event.length);
        long start = System.nanoTime();
        out.write(all);
        out.flush();
        expect("POST /2018-06-01/runtime/invocation/" + id + "/response");
        long took = System.nanoTime() - start;
        out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect("GET /2018-06-01/runtime/invocation/next");
        return took;
    }

    /** Answers next and response posts on a background thread, for client comparisons. */
    void serveForever(int exchanges) {
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < exchanges; i++) {
                    Socket client = server.accept();
                    client.setTcpNoDelay(true);
                    serve(client);
                }
            } catch (IOException e) {
                // closed
            }
        }, "fake-runtime-api");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(Socket client) {
        new Thread(() -> {
            try (client) {
                InputStream input = new BufferedInputStream(client.getInputStream());
                OutputStream output = client.getOutputStream();
                while (true) {
                    String line = readRequest(input);
                    if (line == null) {
                        return;
                    }
                    if (line.startsWith("GET")) {
                        byte[] event = "{\"ping\":true}".getBytes(StandardCharsets.US_ASCII);
                        output.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + UUID.randomUUID()
                                + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000)
                                + "\r\nContent-Length: " + event.length + "\r\n\r\n{\"ping\":true}").getBytes(StandardCharsets.US_ASCII));
                    } else {
                        output.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    output.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }).start();
    }

    private void expect(String requestLinePrefix) throws IOException {
        String line = readRequest(in);
        if (line == null || !line.startsWith(requestLinePrefix)) {
            throw new IllegalStateException("expected " + requestLinePrefix + ", got " + line);
        }
    }

    /** Reads one request (head and Content-Length body); returns its request line, or null at the end. */
    private static String readRequest(InputStream input) throws IOException {
        String requestLine = line(input);
        if (requestLine == null) {
            return null;
        }
        int length = 0;
        String header;
        while (!(header = line(input)).isEmpty()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        input.readNBytes(length);
        return requestLine;
    }

    private static String line(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = input.read()) != '\n') {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
