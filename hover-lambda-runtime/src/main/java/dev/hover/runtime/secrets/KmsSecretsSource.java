package dev.hover.runtime.secrets;

import dev.hover.model.Names;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.runtime.aws.AwsClients;
import dev.hover.secrets.EncryptedSecretsFile;
import dev.hover.secrets.EnvironmentConflicts;
import dev.hover.secrets.SecretsEnvelope;
import dev.hover.secrets.StageBinding;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Decrypts the packaged secrets file with KMS at cold start. The file must belong to the packaged
 * manifest's stage, and no secret may share a name with the manifest's environment (the build
 * checks that too; checking again here keeps "secrets override nothing" true for any image).
 * The KMS client exists only while the file is decrypted; {@link AwsClients} configures it.
 */
public final class KmsSecretsSource implements SecretsSource {
    @Override
    public Map<String, String> load(Path encryptedFile, PackagedManifest manifest) throws IOException {
        String source = "the packaged secrets file " + encryptedFile;
        EncryptedSecretsFile file = EncryptedSecretsFile.parse(Files.readString(encryptedFile, StandardCharsets.UTF_8), source);
        EnvironmentConflicts.requireDisjoint(manifest.environment(), "the packaged manifest", file);
        StageBinding stage = new StageBinding(manifest.name(), manifest.stage());
        try (KmsClient kms = AwsClients.fromProcessEnvironment().configure(KmsClient.builder()).build()) {
            return new SecretsEnvelope().open(file, stage, source, new KmsDataKeyDecryptor(kms, new Names(stage.name()).secretsKeyAlias())).values();
        }
    }
}
