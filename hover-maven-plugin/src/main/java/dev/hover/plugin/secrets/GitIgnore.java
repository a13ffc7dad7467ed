package dev.hover.plugin.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A {@code .gitignore} Hover adds lines to, leaving the user's lines as they are. */
public final class GitIgnore {
    private final Path file;

    public GitIgnore(Path file) {
        this.file = file;
    }

    /** Appends {@code pattern} unless a line already says exactly that. @return true when it appended */
    public boolean ensure(String pattern, String comment) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        if (lines.stream().map(String::strip).anyMatch(pattern::equals)) {
            return false;
        }
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, separator + "# " + comment + "\n" + pattern + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true;
    }
}
