package dev.hover.secrets;

import java.util.Map;

/**
 * Decrypts a file's data key with KMS: all the runtime needs. An implementation is bound to the
 * key it trusts (the stage key's alias), never to the key a file names, so a file cannot bring
 * its own key. Kept free of AWS types so the format and its crypto are testable without KMS;
 * implementations translate KMS errors with {@link KmsFailures}.
 */
public interface DataKeyDecryptor {
    /**
     * @param encrypted the encrypted data key from the file
     * @param context   the encryption context of the stage expected to own the file
     * @return the plaintext data key; the caller wipes it after use
     */
    byte[] decrypt(byte[] encrypted, Map<String, String> context);
}
