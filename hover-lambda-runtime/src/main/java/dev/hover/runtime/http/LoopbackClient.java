package dev.hover.runtime.http;

import dev.hover.runtime.net.HttpConnection;
import dev.hover.runtime.net.HttpResponse;
import dev.hover.runtime.net.RequestHead;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;

/**
 * The application on {@code 127.0.0.1:<port>}, reached over a small pool of kept-alive
 * connections. Lambda sends a container one event at a time, so the pool rarely holds more than
 * one connection; it exists so that a connection is never shared and a broken one is dropped.
 *
 * <p>A connection idle for more than {@value #MAX_IDLE_MILLIS} ms is not reused: application
 * servers close idle connections after 20 s or more, and a container thawed after minutes would
 * otherwise race its server's idle reaper. A new loopback connection costs ~0.1 ms.
 */
public final class LoopbackClient {
    static final String HOST = "127.0.0.1";
    private static final int MAX_IDLE = 4;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final long MAX_IDLE_MILLIS = 5000;

    private final int port;
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
    private final RequestHead probeHead = new RequestHead();

    public LoopbackClient(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /**
     * Sends one request and reads its response. When a pooled connection turns out closed before
     * any response byte, an idempotent request is sent once more on a new connection.
     *
     * @throws SocketTimeoutException when {@code deadlineMillis} passes first
     * @throws IOException            when the application is down or broke the exchange
     */
    public HttpResponse exchange(RequestHead head, byte[] body, int offset, int length, boolean idempotent,
                                 boolean headRequest, int maxBody, long deadlineMillis) throws IOException {
        HttpConnection pooled = take();
        if (pooled != null && !idempotent) {
            return exchangeOn(pooled, head, body, offset, length, headRequest, maxBody, deadlineMillis);
        }
        if (pooled != null) {
            try {
                return exchangeOn(pooled, head, body, offset, length, headRequest, maxBody, deadlineMillis);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (EOFException e) {
                if (!"The connection closed before a response".equals(e.getMessage())) {
                    throw e;
                }
            } catch (IOException e) {
                if (!isSendFailure(e)) {
                    throw e;
                }
            }
        }
        HttpConnection fresh = HttpConnection.open(HOST, port, CONNECT_TIMEOUT_MILLIS);
        return exchangeOn(fresh, head, body, offset, length, headRequest, maxBody, deadlineMillis);
    }

    /**
     * Whether the application still accepts connections on its port: after a failed exchange, tells
     * an application that broke one request from one whose server is gone.
     */
    public boolean listening() {
        try {
            HttpConnection.open(HOST, port, CONNECT_TIMEOUT_MILLIS).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code GET path}, for the readiness probe and warm-up; the connection joins the pool. */
    public HttpResponse get(String path, long deadlineMillis) throws IOException {
        probeHead.start("GET", path).header("Host", HOST + ":" + port).header("User-Agent", "hover-runtime").end();
        return exchange(probeHead, null, 0, 0, true, false, 1024 * 1024, deadlineMillis);
    }

    private HttpResponse exchangeOn(HttpConnection connection, RequestHead head, byte[] body, int offset, int length,
                                    boolean headRequest, int maxBody, long deadlineMillis) throws IOException {
        HttpResponse response;
        try {
            connection.send(head, body, offset, length, deadlineMillis);
            response = connection.receive(headRequest, maxBody, deadlineMillis);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (response.keepAlive()) {
            release(connection);
        } else {
            connection.close();
        }
        return response;
    }

    private static boolean isSendFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Connection reset");
    }

    private synchronized HttpConnection take() {
        long now = System.currentTimeMillis();
        HttpConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (now - connection.lastUsedMillis() <= MAX_IDLE_MILLIS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private synchronized void release(HttpConnection connection) {
        if (idle.size() < MAX_IDLE) {
            connection.markUsed();
            idle.addFirst(connection);
        } else {
            connection.close();
        }
    }
}
