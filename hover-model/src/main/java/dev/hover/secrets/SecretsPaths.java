package dev.hover.secrets;

import java.nio.file.Path;

/** Where a stage's secrets files live, relative to the project's {@code .hover} directory. */
public final class SecretsPaths {
    /** The line {@code .hover/.gitignore} needs so that no plain secrets file is committed. */
    public static final String PLAIN_FILES_PATTERN = "*-secrets.plain.env";

    private SecretsPaths() {
    }

    /** {@code <stage>-secrets.env}: encrypted, committed. */
    public static Path encrypted(Path hoverDir, String stage) {
        return hoverDir.resolve(stage + "-secrets.env");
    }

    /** {@code <stage>-secrets.plain.env}: dotenv, git-ignored, owner-only. */
    public static Path plain(Path hoverDir, String stage) {
        return hoverDir.resolve(stage + "-secrets.plain.env");
    }

    /** The plain file as the user sees it from the project directory, for messages. */
    public static String plainFile(String stage) {
        return ".hover/" + stage + "-secrets.plain.env";
    }

    /** The encrypted file as the user sees it from the project directory, for messages. */
    public static String encryptedFile(String stage) {
        return ".hover/" + stage + "-secrets.env";
    }
}
