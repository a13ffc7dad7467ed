package dev.hover.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a CloudFront Function's code (cloudfront-js-2.0) on an event with Node.js, through
 * {@code cloudfront-function-harness.js}, which says what of CloudFront's runtime it emulates and
 * what it does not. Node.js is found on the PATH ({@code scripts/local-aws install} installs
 * Debian's {@code nodejs} where it is missing).
 */
public final class CloudFrontFunctionRunner {
    private static final String HARNESS = "cloudfront-function-harness.js";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path node;
    private final Path directory;
    private final Path harness;
    private int runs;

    private CloudFrontFunctionRunner(Path node, Path directory, Path harness) {
        this.node = node;
        this.directory = directory;
        this.harness = harness;
    }

    static CloudFrontFunctionRunner find(ToolLocator tools) {
        Path node = ToolLocator.onPath("node").orElseThrow(() -> tools.missing("node",
                " (Node.js runs the CloudFront Function's code; Debian: apt-get install nodejs)"));
        Path directory = TempDirectories.create("hover-cloudfront-function-");
        Path harness = directory.resolve(HARNESS);
        try (InputStream in = CloudFrontFunctionRunner.class.getResourceAsStream(HARNESS)) {
            Files.copy(in, harness);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + harness, e);
        }
        return new CloudFrontFunctionRunner(node, directory, harness);
    }

    /** @return what the code's {@code handler(event)} returned, as JSON; fails with node's error output when it threw */
    public synchronized String run(String code, String eventJson) {
        runs++;
        try {
            Path codeFile = Files.writeString(directory.resolve("function-" + runs + ".js"), code, StandardCharsets.UTF_8);
            Path eventFile = Files.writeString(directory.resolve("event-" + runs + ".json"), eventJson, StandardCharsets.UTF_8);
            return CommandResult.run(List.of(node.toString(), harness.toString(), codeFile.toString(), eventFile.toString()),
                    TIMEOUT).stdoutIfSuccessful();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the CloudFront Function's code and event under " + directory, e);
        }
    }
}
