package dev.hover.plugin.secrets;

import dev.hover.secrets.SecretsPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@code .gitignore} Hover adds lines to, leaving the user's lines as they are. */
public final class GitIgnore {
    private static final String PLAIN_SECRETS_COMMENT = """
            Plain secrets never go into git; hover:secret-encrypt writes <stage>-secrets.env, which does.
            Hover's build output is under target/hover, which target/ already keeps out.""";

    private final Path file;

    public GitIgnore(Path file) {
        this.file = file;
    }

    /** Makes {@code .hover/.gitignore} list the plain secrets files. @return true when it wrote */
    public static boolean ensurePlainSecretsIgnored(Path hoverDirectory) throws IOException {
        return new GitIgnore(hoverDirectory.resolve(".gitignore")).ensure(SecretsPaths.PLAIN_FILES_PATTERN, PLAIN_SECRETS_COMMENT);
    }

    /**
     * Appends {@code pattern}, after {@code comment} (each of its lines becomes a {@code #} line),
     * unless a line already says exactly that pattern.
     *
     * @return true when it appended
     */
    public boolean ensure(String pattern, String comment) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (existing.lines().map(String::strip).anyMatch(pattern::equals)) {
            return false;
        }
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        StringBuilder addition = new StringBuilder(separator);
        comment.lines().forEach(line -> addition.append("# ").append(line).append('\n'));
        addition.append(pattern).append('\n');
        Files.createDirectories(file.getParent());
        Files.writeString(file, addition, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true;
    }
}
