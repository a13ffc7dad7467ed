package dev.hover.runtime.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One kept-alive HTTP/1.1 connection over a plain blocking socket with TCP_NODELAY: on loopback
 * the cheapest request/response exchange the JDK offers (see docs/performance.md).
 */
public final class HttpConnection implements AutoCloseable {
    /** Bodies up to this size are copied behind the head so the request leaves in one write. */
    private static final int COALESCE_LIMIT = 32 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final DeadlineInput in;
    private final ResponseReader reader;
    private byte[] coalesced = new byte[0];
    private long lastUsedMillis = System.currentTimeMillis();

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DeadlineInput(socket);
        this.reader = new ResponseReader(in);
    }

    public static HttpConnection open(String host, int port, int connectTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new HttpConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends a request whose head ends with {@link RequestHead#end()}, however long it takes. */
    public void send(RequestHead head, byte[] body, int offset, int length) throws IOException {
        send(head, body, offset, length, Long.MAX_VALUE);
    }

    /**
     * Sends a request whose head ends with {@link RequestHead#end()}. A body too large to be sent
     * with the head is written under the deadline: a peer that does not read it (the kernel's
     * buffers full) would otherwise block the write for good.
     *
     * @param deadlineMillis epoch milliseconds after which the write fails with a
     *                       {@link SocketTimeoutException} and the connection is closed;
     *                       {@code Long.MAX_VALUE} waits forever
     */
    public void send(RequestHead head, byte[] body, int offset, int length, long deadlineMillis) throws IOException {
        if (length == 0) {
            out.write(head.bytes(), 0, head.size());
        } else if (length <= COALESCE_LIMIT) {
            int total = head.size() + length;
            if (coalesced.length < total) {
                coalesced = new byte[Math.max(total, 4096)];
            }
            System.arraycopy(head.bytes(), 0, coalesced, 0, head.size());
            System.arraycopy(body, offset, coalesced, head.size(), length);
            out.write(coalesced, 0, total);
        } else {
            out.write(head.bytes(), 0, head.size());
            writeBefore(body, offset, length, deadlineMillis);
        }
        out.flush();
    }

    /** A blocking socket write has no timeout of its own: a timer closes the socket if the write outlives the deadline. */
    private void writeBefore(byte[] body, int offset, int length, long deadlineMillis) throws IOException {
        if (deadlineMillis == Long.MAX_VALUE) {
            out.write(body, offset, length);
            return;
        }
        long remaining = deadlineMillis - System.currentTimeMillis();
        if (remaining <= 0) {
            throw new SocketTimeoutException("The deadline passed before the request body was sent");
        }
        WriteDeadline deadline = WriteDeadline.closeAfter(socket, remaining);
        try {
            out.write(body, offset, length);
        } catch (IOException e) {
            if (!deadline.cancel()) {
                throw bodyNotRead(length);
            }
            throw e;
        }
        if (!deadline.cancel()) {
            // the timer closed the socket as the write ended: the exchange cannot go on
            throw bodyNotRead(length);
        }
    }

    private static SocketTimeoutException bodyNotRead(int length) {
        return new SocketTimeoutException("The peer did not read the " + length + "-byte request body before the deadline");
    }

    /**
     * @param deadlineMillis epoch milliseconds after which reading fails with a
     *                       {@link SocketTimeoutException}; {@code Long.MAX_VALUE} waits forever
     */
    public HttpResponse receive(boolean headRequest, int maxBody, long deadlineMillis) throws IOException {
        in.deadlineMillis = deadlineMillis;
        return reader.read(headRequest, maxBody);
    }

    /** When the last exchange ended (epoch ms), as marked by {@link #markUsed()}. */
    public long lastUsedMillis() {
        return lastUsedMillis;
    }

    public void markUsed() {
        lastUsedMillis = System.currentTimeMillis();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket we are done with: nothing left to do
        }
    }

    /** Sets the socket's read timeout to what is left before the deadline at every read. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private long deadlineMillis = Long.MAX_VALUE;
        private int timeout = -1;

        DeadlineInput(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int wanted = 0;
            if (deadlineMillis != Long.MAX_VALUE) {
                long remaining = deadlineMillis - System.currentTimeMillis();
                if (remaining <= 0) {
                    throw new SocketTimeoutException("The deadline passed");
                }
                wanted = (int) Math.min(remaining, Integer.MAX_VALUE);
            }
            if (wanted != timeout) {
                socket.setSoTimeout(wanted);
                timeout = wanted;
            }
            return in.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }
}
