package dev.hover.runtime.secrets;

import dev.hover.secrets.DataKeyDecryptor;
import dev.hover.secrets.KmsFailures;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.util.Map;

/** Decrypts data keys with the function role's {@code kms:Decrypt}, under the stage key only. */
final class KmsDataKeyDecryptor implements DataKeyDecryptor {
    private static final String PRINCIPAL = "the function's role (auth.lambda-role, or the role the stack creates)";

    private final KmsClient kms;
    private final String keyId;

    /** @param keyId the stage key's alias: the only key this decryptor accepts */
    KmsDataKeyDecryptor(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] decrypt(byte[] encrypted, Map<String, String> context) {
        try {
            return kms.decrypt(DecryptRequest.builder()
                    .keyId(keyId)
                    .ciphertextBlob(SdkBytes.fromByteArray(encrypted))
                    .encryptionContext(context)
                    .build()).plaintext().asByteArray();
        } catch (KmsException e) {
            throw KmsFailures.translate("kms:Decrypt", keyId, PRINCIPAL,
                    e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        }
    }
}
