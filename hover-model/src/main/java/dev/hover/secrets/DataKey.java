package dev.hover.secrets;

/**
 * A fresh data key from the stage's KMS key.
 *
 * @param keyId     the ARN of the KMS key that encrypted it
 * @param plaintext the 256-bit key; the caller wipes it after use
 * @param encrypted the key encrypted under {@code keyId} (KMS's ciphertext blob)
 */
public record DataKey(String keyId, byte[] plaintext, byte[] encrypted) {
}
