package dev.hover.secrets;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for KMS in unit tests: wraps data keys with AES-GCM under an in-memory master key, the
 * encryption context as associated data, and fails as KMS does when the context differs.
 */
final class FakeDataKeys implements DataKeys {
    static final String KEY_ID = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    private final byte[] master = new byte[32];
    private final SecureRandom random = new SecureRandom();

    FakeDataKeys() {
        random.nextBytes(master);
    }

    @Override
    public DataKey generate(Map<String, String> context) {
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, nonce, context, plaintext);
        byte[] encrypted = Arrays.copyOf(nonce, 12 + wrapped.length);
        System.arraycopy(wrapped, 0, encrypted, 12, wrapped.length);
        return new DataKey(KEY_ID, plaintext, encrypted);
    }

    @Override
    public byte[] decrypt(byte[] encrypted, Map<String, String> context) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(encrypted, 12), context, Arrays.copyOfRange(encrypted, 12, encrypted.length));
    }

    private byte[] crypt(int mode, byte[] nonce, Map<String, String> context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw KmsFailures.translate("kms:Decrypt", KEY_ID, "the test", "InvalidCiphertextException", "");
        }
    }
}
