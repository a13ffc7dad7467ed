package dev.hover.plugin.secrets;

import dev.hover.model.Names;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.secrets.DotenvParser;
import dev.hover.secrets.EncryptedSecretsFile;
import dev.hover.secrets.PlainSecrets;
import dev.hover.secrets.SecretsEnvelope;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.SecretsException.Reason;
import dev.hover.secrets.SecretsPaths;
import dev.hover.secrets.StageBinding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * {@code hover:secret-encrypt} and {@code hover:secret-decrypt} for one stage: between the plain
 * file {@code .hover/<stage>-secrets.plain.env} (owner-only, git-ignored) and the encrypted file
 * {@code .hover/<stage>-secrets.env} (committed). What it reports names keys, never values.
 */
public final class StageSecrets {
    private final Path hoverDir;
    private final StageBinding stage;
    private final KmsKeys kms;
    private final StageKey stageKey;
    private final Consumer<String> log;
    private final SecretsEnvelope envelope = new SecretsEnvelope();

    /**
     * @param hoverDir the project's {@code .hover} directory
     * @param log      where progress goes (Maven's info log)
     */
    public StageSecrets(Path hoverDir, StageBinding stage, KmsKeys kms, StageKey stageKey, Consumer<String> log) {
        this.hoverDir = hoverDir;
        this.stage = stage;
        this.kms = kms;
        this.stageKey = stageKey;
        this.log = log;
    }

    /** Encrypts the plain file into the encrypted one, then deletes the plain file. */
    public void encrypt() throws IOException {
        Path plainPath = SecretsPaths.plain(hoverDir, stage.stage());
        String plainFile = SecretsPaths.plainFile(stage.stage());
        if (!Files.exists(plainPath)) {
            throw new SecretsException(Reason.OTHER, "There is no " + plainFile + " to encrypt: run hover:secret-decrypt -Dhover.stage="
                    + stage.stage() + " to edit the stage's secrets, or create that file (KEY=value lines)");
        }
        String plain = Files.readString(plainPath, StandardCharsets.UTF_8);
        DotenvParser.parse(plain, plainFile);
        ensureIgnored();

        StageKey.Found key = stageKey.findOrCreate(stage);
        if (key.created()) {
            log.accept("Created KMS key " + key.arn() + " with alias " + key.alias() + " for " + stage);
        }
        EncryptedSecretsFile encrypted = envelope.seal(plain, stage, plainFile, kms.dataKeys(key.alias()));
        AtomicFiles.write(SecretsPaths.encrypted(hoverDir, stage.stage()), encrypted.render(), AtomicFiles.SHARED);
        Files.delete(plainPath);
        log.accept("Encrypted " + describe(encrypted.keyNames()) + " into "
                + SecretsPaths.encryptedFile(stage.stage()) + " (commit it) and deleted " + plainFile);
    }

    /** Writes the plain file from the encrypted one, readable by its owner only. */
    public void decrypt() throws IOException {
        Path encryptedPath = SecretsPaths.encrypted(hoverDir, stage.stage());
        String encryptedFile = SecretsPaths.encryptedFile(stage.stage());
        if (!Files.exists(encryptedPath)) {
            throw new SecretsException(Reason.OTHER, "Stage " + stage.stage() + " has no secrets yet (" + encryptedFile
                    + " does not exist): write " + SecretsPaths.plainFile(stage.stage()) + ", then run hover:secret-encrypt");
        }
        EncryptedSecretsFile file = EncryptedSecretsFile.parse(Files.readString(encryptedPath, StandardCharsets.UTF_8), encryptedFile);
        PlainSecrets secrets = envelope.open(file, stage, encryptedFile, kms.dataKeys(new Names(stage.name()).secretsKeyAlias()));

        Path plainPath = SecretsPaths.plain(hoverDir, stage.stage());
        String plainFile = SecretsPaths.plainFile(stage.stage());
        if (Files.exists(plainPath) && !Files.readString(plainPath, StandardCharsets.UTF_8).equals(secrets.text())) {
            throw new SecretsException(Reason.OTHER, plainFile + " exists and differs from " + encryptedFile
                    + ": it may hold changes not encrypted yet. Encrypt it (hover:secret-encrypt), or delete it, then decrypt again");
        }
        ensureIgnored();
        AtomicFiles.write(plainPath, secrets.text(), AtomicFiles.OWNER_ONLY);
        log.accept("Decrypted " + describe(secrets.values().keySet()) + " into " + plainFile
                + " (readable by you only, ignored by git). Edit it, then run hover:secret-encrypt -Dhover.stage=" + stage.stage());
    }

    private void ensureIgnored() throws IOException {
        if (GitIgnore.ensurePlainSecretsIgnored(hoverDir)) {
            log.accept("Added " + SecretsPaths.PLAIN_FILES_PATTERN + " to .hover/.gitignore");
        }
    }

    /** "3 secrets (A, B, C) of stage staging": names, never values. */
    private String describe(Collection<String> keys) {
        String names = keys.isEmpty() ? "" : " (" + String.join(", ", keys) + ")";
        return keys.size() + (keys.size() == 1 ? " secret" : " secrets") + names + " of stage " + stage.stage();
    }
}
