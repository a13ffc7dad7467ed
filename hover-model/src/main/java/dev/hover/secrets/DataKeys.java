package dev.hover.secrets;

import java.util.Map;

/**
 * The two KMS operations envelope encryption needs. Kept here, free of AWS types, so the format
 * and its crypto are testable without KMS; the plugin and the runtime implement it with their
 * KMS clients and translate KMS errors with {@link KmsFailures}.
 */
public interface DataKeys {
    /** A new AES-256 data key under the stage key, bound to {@code context}. */
    DataKey generate(Map<String, String> context);

    /**
     * @param keyId     the KMS key the file names; decryption is refused under any other key
     * @param encrypted the encrypted data key from the file
     * @param context   the encryption context of the stage expected to own the file
     * @return the plaintext data key; the caller wipes it after use
     */
    byte[] decrypt(String keyId, byte[] encrypted, Map<String, String> context);
}
