package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * What a running {@code hover:run} tells the goals that talk to it ({@code hover:command -Dhover.local}):
 * {@code target/hover/<stage>/run/run.json}, written when it has started and deleted when it stops.
 *
 * @param url     the gateway
 * @param control where commands are sent
 * @param token   what a request to {@code control} must carry: only the user who can read this file
 *                runs commands, as only a principal allowed {@code lambda:InvokeFunction} does on AWS
 */
record RunState(String url, String control, String token, long pid) {
    static final String FILE_NAME = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(FILE_NAME);
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: the user's own directory protects it
        }
        Files.write(file, JSON.writeValueAsBytes(this));
    }

    static Optional<RunState> read(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), RunState.class));
    }

    static void delete(Path runDirectory) throws IOException {
        Files.deleteIfExists(runDirectory.resolve(FILE_NAME));
    }

    /** Whether the process that wrote it still runs (a killed run leaves its file behind). */
    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    URI commandUri() {
        return URI.create(control + "/command");
    }
}
