package dev.hover.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lambda's file system is read-only except {@code /tmp}. Before the application starts, the
 * directories libraries write to by default are made to exist under it: {@code java.io.tmpdir}
 * ({@code /tmp} on Lambda) and, when the user's home is missing or read-only (the Lambda user has
 * no home), {@code user.home} is pointed at {@code <java.io.tmpdir>/home}.
 */
final class WritableDirectories {
    private WritableDirectories() {
    }

    /** @return a description for the log */
    static String prepare() throws InitException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new InitException("ReadOnlyTmp", "java.io.tmpdir " + tmp + " cannot be created: " + e, e);
        }
        Path home = Path.of(System.getProperty("user.home", ""));
        if (home.toString().isEmpty() || !Files.isDirectory(home) || !Files.isWritable(home)) {
            Path fallback = tmp.resolve("home");
            try {
                Files.createDirectories(fallback);
            } catch (IOException e) {
                throw new InitException("ReadOnlyTmp", fallback + " cannot be created: " + e, e);
            }
            System.setProperty("user.home", fallback.toString());
            return "java.io.tmpdir=" + tmp + ", user.home=" + fallback + " (" + home + " is not writable)";
        }
        return "java.io.tmpdir=" + tmp + ", user.home=" + home;
    }
}
