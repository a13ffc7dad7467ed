package dev.hover.secrets;

import java.util.Map;

/**
 * Decrypted secrets: the plain file's text as the user wrote it (comments and order kept) and the
 * variables it sets. {@link #toString()} names the keys only, so logging one by mistake leaks nothing.
 */
public record PlainSecrets(String text, Map<String, String> values) {
    @Override
    public String toString() {
        return "PlainSecrets" + values.keySet();
    }
}
