package dev.hover.secrets;

import java.util.Map;

/** The KMS operations encrypting needs: a new data key, and decrypting one. The plugin implements it. */
public interface DataKeys extends DataKeyDecryptor {
    /** A new AES-256 data key under the stage key, bound to {@code context}. */
    DataKey generate(Map<String, String> context);
}
