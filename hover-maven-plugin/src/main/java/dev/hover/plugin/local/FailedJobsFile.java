package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The failed-jobs record of a local run, kept where the developer can read it after the run: every
 * message that reaches the stage's {@code <name>-failed-jobs} queue (an entry the runtime recorded, or a
 * job the redrive policy moved) is appended, one JSON document per line, to
 * {@code target/hover/<stage>/run/failed-jobs.jsonl}, and said in the goal's log.
 */
final class FailedJobsFile implements Consumer<String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Consumer<String> log;

    FailedJobsFile(Path file, Consumer<String> log) {
        this.file = file;
        this.log = log;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void accept(String body) {
        try {
            Files.writeString(file, body.replace("\n", " ") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept("failed job recorded in " + file + ": " + describe(body));
    }

    private static String describe(String body) {
        JsonNode entry;
        try {
            entry = JSON.readTree(body);
        } catch (IOException e) {
            return "a message that is not JSON";
        }
        if (entry == null || !entry.has("hoverFailedJob")) {
            return entry != null && entry.has("job") ? entry.path("job").asText() + " " + entry.path("id").asText()
                    + " (moved by the redrive policy: its containers kept failing)" : "a message that is not a job";
        }
        return entry.path("job").asText() + " " + entry.path("id").asText() + " (" + entry.path("reason").asText() + " after "
                + entry.path("attempts").asText() + " attempts): " + entry.path("exception").asText();
    }
}
