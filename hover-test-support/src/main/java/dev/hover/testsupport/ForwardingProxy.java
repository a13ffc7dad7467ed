package dev.hover.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP forward proxy on loopback, as a corporate proxy is to Maven: absolute-form requests
 * ({@code GET http://host:port/path}) are forwarded to their host in origin form, {@code CONNECT}
 * opens a tunnel. It records every request it forwards, may require Basic credentials (answering
 * 407 without them), and may resolve names of its own ({@code registry.hover.test} → 127.0.0.1),
 * so that a client can only reach such a name through it.
 */
public final class ForwardingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Optional<String> credentials;
    private final Map<String, String> names;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "forwarding-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private ForwardingProxy(ServerSocket server, Optional<String> credentials, Map<String, String> names) {
        this.server = server;
        this.credentials = credentials;
        this.names = names;
        threads.execute(this::accept);
    }

    /**
     * @param credentials {@code user:password} the proxy wants in {@code Proxy-Authorization}, or empty for none
     * @param names       host names the proxy resolves itself, to an address
     */
    public static ForwardingProxy start(Optional<String> credentials, Map<String, String> names) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ForwardingProxy(server, credentials, names);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request forwarded, as {@code METHOD target} ({@code CONNECT host:port} for a tunnel). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered with 407 because they carried no or wrong credentials. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        String upstreamAddress = null;
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                String method = requestLine[0];
                String target = requestLine[1];
                if (!authorized(head)) {
                    refused.add(method + " " + target);
                    copyBody(head, in, OutputStream.nullOutputStream());
                    write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"hover-test\"\r\n"
                            + "Content-Length: 0\r\n\r\n");
                    continue;
                }
                requests.add(method + " " + target);
                if (method.equals("CONNECT")) {
                    Socket tunnel = connect(target);
                    write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
                    pipe(tunnel.getInputStream(), out);
                    in.transferTo(tunnel.getOutputStream());
                    tunnel.close();
                    return;
                }
                URI uri = URI.create(target);
                String address = uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
                if (!address.equals(upstreamAddress)) {
                    if (upstream != null) {
                        upstream.close();
                    }
                    upstream = connect(address);
                    upstreamAddress = address;
                    pipe(upstream.getInputStream(), out);
                }
                OutputStream forward = upstream.getOutputStream();
                StringBuilder request = new StringBuilder(method + " " + originForm(uri) + " " + requestLine[2] + "\r\n");
                head.stream().skip(1)
                        .filter(line -> !lower(line).startsWith("proxy-authorization:") && !lower(line).startsWith("proxy-connection:"))
                        .forEach(line -> request.append(line).append("\r\n"));
                forward.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                copyBody(head, in, forward);
                forward.flush();
            }
        } catch (IOException e) {
            // the client or the server went away: so does this connection
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing only
                }
            }
        }
    }

    private boolean authorized(List<String> head) {
        if (credentials.isEmpty()) {
            return true;
        }
        String expected = "basic " + Base64.getEncoder().encodeToString(credentials.get().getBytes(StandardCharsets.UTF_8));
        return header(head, "proxy-authorization").map(value -> value.equalsIgnoreCase(expected)).orElse(false);
    }

    private Socket connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(names.getOrDefault(host, host), Integer.parseInt(hostPort.substring(colon + 1))), 10_000);
        return socket;
    }

    /** Copies the server's answers back to the client, as they come. */
    private void pipe(InputStream from, OutputStream to) {
        threads.execute(() -> {
            try {
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            }
        });
    }

    private static void write(OutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static String originForm(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The request body by Content-Length or chunked transfer coding; none otherwise. */
    private static void copyBody(List<String> head, InputStream in, OutputStream out) throws IOException {
        Optional<String> length = header(head, "content-length");
        if (length.isPresent()) {
            copy(in, out, Long.parseLong(length.get()));
        } else if (header(head, "transfer-encoding").map(value -> lower(value).contains("chunked")).orElse(false)) {
            while (true) {
                String sizeLine = readLine(in);
                out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                long size = Long.parseLong(sizeLine.split(";")[0].strip(), 16);
                if (size == 0) {
                    for (String trailer = readLine(in); ; trailer = readLine(in)) {
                        out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        if (trailer.isEmpty()) {
                            return;
                        }
                    }
                }
                copy(in, out, size + 2);
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (long left = bytes; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the client stopped sending");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static Optional<String> header(List<String> head, String name) {
        return head.stream().skip(1).filter(line -> lower(line).startsWith(name + ":"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
    }

    /** The request line and headers; empty when the client closed the connection. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            lines.add(line);
        }
        return lines;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
