package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Envelope encryption of a stage's plain secrets file: a fresh data key from KMS per file, the
 * text sealed with AES-256-GCM under it, the stage bound in as encryption context and associated
 * data. One data key seals one message, so the random nonce is never reused under a key.
 */
public final class SecretsEnvelope {
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    /**
     * @param plainText the plain file's content; must be valid dotenv (errors name {@code source}'s line)
     * @param source    what to call the plain file in errors
     */
    public EncryptedSecretsFile seal(String plainText, StageBinding binding, String source, DataKeys dataKeys) {
        List<String> keyNames = List.copyOf(DotenvParser.parse(plainText, source).keySet());
        byte[] nonce = new byte[EncryptedSecretsFile.NONCE_BYTES];
        // made here, not per envelope: opening a file needs no generator
        new SecureRandom().nextBytes(nonce);
        DataKey dataKey = dataKeys.generate(binding.encryptionContext());
        try {
            EncryptedSecretsFile header = new EncryptedSecretsFile(
                    binding, dataKey.keyId(), keyNames, dataKey.encrypted(), nonce, new byte[0]);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, dataKey.plaintext(), nonce);
            cipher.updateAAD(header.associatedData(binding));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            return new EncryptedSecretsFile(binding, dataKey.keyId(), keyNames, dataKey.encrypted(), nonce, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
    }

    /**
     * Decrypts a file for the stage that expects it. The expected stage, not the file's header,
     * forms the encryption context and the associated data: a file of another stage fails even if
     * its header is edited.
     *
     * @param source what to call the encrypted file in errors
     */
    public PlainSecrets open(EncryptedSecretsFile file, StageBinding expected, String source, DataKeyDecryptor dataKeys) {
        if (!file.binding().equals(expected)) {
            throw new SecretsException(Reason.WRONG_STAGE, source + " belongs to " + file.binding()
                    + ", not to " + expected + ": each stage has its own key; decrypt it for its own stage, "
                    + "and encrypt a plain file for " + expected.stage());
        }
        byte[] key = dataKeys.decrypt(file.encryptedDataKey(), expected.encryptionContext());
        String text;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, file.nonce());
            cipher.updateAAD(file.associatedData(expected));
            text = new String(cipher.doFinal(file.sealed()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretsException(Reason.TAMPERED, source + ": the sealed content fails its integrity check "
                    + "(AES-GCM tag): the file was altered after encryption");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JVM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Map<String, String> values = DotenvParser.parse(text, source + " (decrypted)");
        if (!List.copyOf(values.keySet()).equals(file.keyNames())) {
            throw new SecretsException(Reason.TAMPERED, source + ": the key list in the header does not match "
                    + "the sealed content: the file was not written by Hover");
        }
        return new PlainSecrets(text, values);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}
