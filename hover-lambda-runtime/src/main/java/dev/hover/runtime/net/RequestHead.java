package dev.hover.runtime.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a request line and headers into a reusable byte buffer, so that a request goes out in
 * one write. Header values are encoded as UTF-8: the bytes a UTF-8 client would have sent.
 */
public final class RequestHead {
    private byte[] bytes = new byte[2048];
    private int size;

    /** Starts a new request, discarding the previous one. */
    public RequestHead start(String method, String target) {
        size = 0;
        ascii(method);
        append((byte) ' ');
        utf8(target);
        ascii(" HTTP/1.1");
        append((byte) '\r');
        append((byte) '\n');
        return this;
    }

    public RequestHead header(String name, String value) {
        ascii(name);
        append((byte) ':');
        append((byte) ' ');
        utf8(value);
        append((byte) '\r');
        append((byte) '\n');
        return this;
    }

    public RequestHead header(String name, long value) {
        return header(name, Long.toString(value));
    }

    /** Ends the head with its empty line. */
    public RequestHead end() {
        append((byte) '\r');
        append((byte) '\n');
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // CR, LF and non-ASCII in a name or method would split or corrupt the head
            bytes[size++] = c < 0x20 || c > 0x7e ? (byte) '_' : (byte) c;
        }
    }

    private void utf8(String text) {
        int length = text.length();
        boolean plain = true;
        for (int i = 0; i < length && plain; i++) {
            char c = text.charAt(i);
            plain = c >= 0x20 && c < 0x7f;
        }
        if (plain) {
            ensure(length);
            text.getBytes(0, length, bytes, size);
            size += length;
            return;
        }
        byte[] encoded = text.replace('\r', ' ').replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    private void append(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
