package dev.hover.maven;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a goal prints on standard output during one test: goals that print a result (a command's
 * output, log lines) write it there, apart from Maven's log.
 */
final class StandardOutCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream standardOut;

    @Override
    public void beforeEach(ExtensionContext context) {
        printed.reset();
        standardOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(standardOut);
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
