package dev.hover.runtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The output of one running command: kept (up to a limit, so the answer stays far below Lambda's
 * 6 MB response limit) and passed on to the enclosing output — the function's log, or the command
 * that ran this one — so scheduled commands leave their output in CloudWatch too.
 */
public final class CapturedOutput extends OutputStream {
    static final int LIMIT = 1 << 20;

    private final OutputStream passOn;
    private byte[] kept = new byte[256];
    private int size;
    private long dropped;

    public CapturedOutput(OutputStream passOn) {
        this.passOn = passOn;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
        int keep = Math.min(len, LIMIT - size);
        if (keep > 0) {
            if (size + keep > kept.length) {
                kept = Arrays.copyOf(kept, Math.min(LIMIT, Math.max(kept.length * 2, size + keep)));
            }
            System.arraycopy(bytes, off, kept, size, keep);
            size += keep;
        }
        dropped += len - keep;
        passOn.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
        passOn.flush();
    }

    /** A writer into this output (unbuffered, so it interleaves with System.out in order). */
    public Writer writer() {
        return new Writer() {
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                byte[] bytes = new String(chars, off, len).getBytes(StandardCharsets.UTF_8);
                CapturedOutput.this.write(bytes, 0, bytes.length);
            }

            @Override
            public void flush() throws IOException {
                CapturedOutput.this.flush();
            }

            @Override
            public void close() {
                // the capture outlives the writer handed to the command
            }
        };
    }

    /** What was kept, and a note of how much was not. */
    public synchronized String text() {
        String text = new String(kept, 0, size, StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n[output truncated: " + dropped + " more bytes are in the function's log]\n";
    }
}
