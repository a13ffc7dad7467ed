package dev.hover.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A function running under the Runtime Interface Emulator. Close it to stop the emulator and the bootstrap. */
public final class EmulatedFunction implements AutoCloseable {

    /** Beyond the function's own timeout, so that the emulator's timeout answer arrives rather than ours. */
    private static final Duration INVOKE_GRACE = Duration.ofSeconds(30);

    private final LocalProcess process;
    private final int invokePort;
    private final Duration functionTimeout;

    EmulatedFunction(LocalProcess process, int invokePort, Duration functionTimeout) {
        this.process = process;
        this.invokePort = invokePort;
        this.functionTimeout = functionTimeout;
    }

    /**
     * Invokes the function and returns the response body (for a function error, the error document).
     * The emulator cannot take concurrent invocations, so calls wait for each other.
     */
    public synchronized String invoke(String payload) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the emulator has exited; its output:\n" + process.outputTail());
        }
        try {
            return LoopbackHttp.post(invocationsUri(), payload, functionTimeout.plus(INVOKE_GRACE)).body();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("the emulator did not answer; its output:\n" + process.outputTail(), e);
        }
    }

    /** Everything the emulator and the bootstrap printed so far. */
    public String output() {
        return process.output();
    }

    public Path outputFile() {
        return process.outputFile();
    }

    public URI invocationsUri() {
        return URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations");
    }

    boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), invokePort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
