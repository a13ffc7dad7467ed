package dev.hover.runtime.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads HTTP/1.x responses from a stream, one after another (keep-alive): status line, headers,
 * then a body framed by {@code Transfer-Encoding: chunked}, {@code Content-Length} or the end of
 * the stream. Header bytes are decoded as ISO-8859-1, as HTTP/1.1 clients do.
 */
public final class ResponseReader {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    public ResponseReader(InputStream in) {
        this(in, 16 * 1024);
    }

    ResponseReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /**
     * @param headRequest the request was a HEAD: the response has no body whatever its headers say
     * @param maxBody     the largest body accepted
     * @throws ResponseTooLargeException when the body exceeds {@code maxBody}
     * @throws EOFException              when the peer closed the connection before a complete response
     */
    public HttpResponse read(boolean headRequest, int maxBody) throws IOException {
        int[] headBytes = {0};
        while (true) {
            String statusLine = line(headBytes);
            int status = status(statusLine);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            List<Header> headers = headers(headBytes);
            if (status >= 100 && status < 200 && status != 101) {
                continue; // interim response (100 Continue, 103 Early Hints): the real one follows
            }
            String connection = value(headers, "Connection");
            boolean keepAlive = http10 ? "keep-alive".equalsIgnoreCase(connection) : !"close".equalsIgnoreCase(connection);
            if (headRequest || status == 204 || status == 304 || status < 200) {
                return new HttpResponse(status, headers, NO_BODY, keepAlive);
            }
            String transferEncoding = value(headers, "Transfer-Encoding");
            if (transferEncoding != null && transferEncoding.toLowerCase().endsWith("chunked")) {
                return new HttpResponse(status, headers, chunked(maxBody), keepAlive);
            }
            String contentLength = value(headers, "Content-Length");
            if (contentLength != null) {
                return new HttpResponse(status, headers, fixed(contentLength(contentLength), maxBody), keepAlive);
            }
            return new HttpResponse(status, headers, untilClose(maxBody), false);
        }
    }

    private static int status(String statusLine) throws MalformedResponseException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new MalformedResponseException("Not an HTTP/1.x status line: " + printable(statusLine));
        }
        try {
            return Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("Bad status code in: " + printable(statusLine));
        }
    }

    private List<Header> headers(int[] headBytes) throws IOException {
        List<Header> headers = new ArrayList<>();
        String line;
        while (!(line = line(headBytes)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedResponseException("Bad header line: " + printable(line));
            }
            headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    private static String value(List<Header> headers, String name) {
        String found = null;
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                found = header.value();
            }
        }
        return found;
    }

    private static long contentLength(String value) throws MalformedResponseException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw new MalformedResponseException("Bad Content-Length: " + printable(value));
        }
    }

    private byte[] fixed(long length, int maxBody) throws IOException {
        if (length > maxBody) {
            throw new ResponseTooLargeException(maxBody);
        }
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length);
        return body;
    }

    private byte[] chunked(int maxBody) throws IOException {
        byte[] body = new byte[1024];
        int size = 0;
        int[] lineBytes = {0};
        while (true) {
            lineBytes[0] = 0;
            String sizeLine = line(lineBytes);
            int extension = sizeLine.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("Bad chunk size: " + printable(sizeLine));
            }
            if (chunk == 0) {
                while (!line(lineBytes).isEmpty()) {
                    // trailers: not forwarded
                }
                return Arrays.copyOf(body, size);
            }
            if (chunk > maxBody - size) {
                throw new ResponseTooLargeException(maxBody);
            }
            int needed = size + (int) chunk;
            if (needed > body.length) {
                body = Arrays.copyOf(body, Math.min(Math.max(needed, body.length * 2), maxBody));
            }
            readFully(body, size, (int) chunk);
            size = needed;
            if (!line(lineBytes).isEmpty()) {
                throw new MalformedResponseException("A chunk is longer than its size");
            }
        }
    }

    private byte[] untilClose(int maxBody) throws IOException {
        byte[] body = new byte[4096];
        int size = 0;
        while (true) {
            if (position == limit && !fill()) {
                return Arrays.copyOf(body, size);
            }
            int available = limit - position;
            if (available > maxBody - size) {
                throw new ResponseTooLargeException(maxBody);
            }
            if (size + available > body.length) {
                body = Arrays.copyOf(body, Math.max(size + available, body.length * 2));
            }
            System.arraycopy(buffer, position, body, size, available);
            size += available;
            position = limit;
        }
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, buffered);
        position += buffered;
        int done = buffered;
        while (done < length) {
            int read = in.read(target, offset + done, length - done);
            if (read < 0) {
                throw new EOFException("The connection closed " + (length - done) + " bytes before the end of the body");
            }
            done += read;
        }
    }

    /** A line without its CRLF (a bare LF is accepted), counting towards the head's size limit. */
    private String line(int[] headBytes) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException(line == null && headBytes[0] == 0
                        ? "The connection closed before a response"
                        : "The connection closed in the middle of the response head");
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            headBytes[0] += end - start + 1;
            if (headBytes[0] > MAX_HEAD_BYTES) {
                throw new MalformedResponseException("The response head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            if (end < limit) {
                position = end + 1;
                int length = end - start;
                if (line == null) {
                    if (length > 0 && buffer[end - 1] == '\r') {
                        length--;
                    }
                    return new String(buffer, start, length, StandardCharsets.ISO_8859_1);
                }
                line.append(new String(buffer, start, length, StandardCharsets.ISO_8859_1));
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return "'" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
