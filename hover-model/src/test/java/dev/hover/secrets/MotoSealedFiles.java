package dev.hover.secrets;

import dev.hover.model.Names;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes packaged secrets files as {@code hover:secret-encrypt} would, against moto's KMS: a stage
 * key with the stage's alias, a data key under it, the plain text sealed. In hover-model's test jar,
 * for every module that decrypts such files at cold start (the runtime's tests, the launcher's).
 */
public final class MotoSealedFiles {
    private final KmsClient kms;

    /** @param kms a client built the standard way, reaching moto */
    public MotoSealedFiles(KmsClient kms) {
        this.kms = kms;
    }

    /**
     * Creates a key for {@code stage} and points the stage's alias at it (made, or moved when a
     * test against the same moto made it before), then writes {@code plain} sealed for
     * {@code stage} to {@code file}.
     */
    public void write(Path file, StageBinding stage, String plain) throws IOException {
        String alias = new Names(stage.name()).secretsKeyAlias();
        String keyId = kms.createKey(r -> r.description("Hover secrets of " + stage.name())).keyMetadata().keyId();
        try {
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        } catch (AlreadyExistsException e) {
            // an earlier test (or run) against the same moto sealed for this stage: the alias moves
            // to the new key, as a stage whose key was replaced would see it
            kms.updateAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        }
        DataKeys dataKeys = new DataKeys() {
            @Override
            public DataKey generate(Map<String, String> context) {
                GenerateDataKeyResponse key = kms.generateDataKey(r -> r.keyId(alias).keySpec(DataKeySpec.AES_256).encryptionContext(context));
                return new DataKey(key.keyId(), key.plaintext().asByteArray(), key.ciphertextBlob().asByteArray());
            }

            @Override
            public byte[] decrypt(byte[] encrypted, Map<String, String> context) {
                return kms.decrypt(r -> r.keyId(alias).ciphertextBlob(SdkBytes.fromByteArray(encrypted)).encryptionContext(context))
                        .plaintext().asByteArray();
            }
        };
        Files.createDirectories(file.getParent());
        Files.writeString(file, new SecretsEnvelope().seal(plain, stage, "plain", dataKeys).render());
    }
}
