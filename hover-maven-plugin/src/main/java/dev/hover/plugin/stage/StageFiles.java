package dev.hover.plugin.stage;

import dev.hover.secrets.SecretsPaths;
import java.nio.file.Path;

/**
 * Where a stage's files live in a project: {@code .hover/<stage>.yml}, its secrets files and the
 * {@code .hover/.gitignore} that keeps plain secrets out of git.
 */
public record StageFiles(Path projectDirectory, String stage) {
    public static final String DIRECTORY = ".hover";

    public Path directory() {
        return projectDirectory.resolve(DIRECTORY);
    }

    public Path manifest() {
        return directory().resolve(stage + ".yml");
    }

    public Path plainSecrets() {
        return SecretsPaths.plain(directory(), stage);
    }

    public Path encryptedSecrets() {
        return SecretsPaths.encrypted(directory(), stage);
    }

    public Path gitIgnore() {
        return directory().resolve(".gitignore");
    }

    /** A path as the user knows it: relative to the project. */
    public String display(Path file) {
        return projectDirectory.relativize(file).toString();
    }
}
