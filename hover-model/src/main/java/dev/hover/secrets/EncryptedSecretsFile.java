package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The encrypted secrets file, {@code .hover/<stage>-secrets.env}: text, safe to commit, one
 * {@code field: value} per line in a fixed order, long values folded onto indented lines. The
 * format is described in {@code docs/secrets.md}; this class reads and writes it and knows nothing
 * of cryptography beyond the associated data the fields form.
 *
 * @param binding          the stage the file was encrypted for
 * @param keyId            ARN of the stage's KMS key, as KMS reported it: for people and audits; readers
 *                         decrypt with the key they trust (the stage alias), not with this one
 * @param keyNames         the names of the secrets (not their values), in file order
 * @param encryptedDataKey the data key, encrypted by KMS under {@code keyId}
 * @param nonce            the 96-bit AES-GCM nonce
 * @param sealed           AES-256-GCM ciphertext of the plain file followed by the 128-bit tag
 */
public record EncryptedSecretsFile(
        StageBinding binding,
        String keyId,
        List<String> keyNames,
        byte[] encryptedDataKey,
        byte[] nonce,
        byte[] sealed) {

    public static final int VERSION = 1;
    static final int NONCE_BYTES = 12;

    private static final List<String> FIELDS =
            List.of("hover-secrets", "name", "stage", "kms-key", "keys", "data-key", "nonce", "sealed-length", "sealed");
    private static final int LINE_WIDTH = 76;
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public EncryptedSecretsFile {
        keyNames = List.copyOf(keyNames);
        encryptedDataKey = encryptedDataKey.clone();
        nonce = nonce.clone();
        sealed = sealed.clone();
    }

    @Override
    public byte[] encryptedDataKey() {
        return encryptedDataKey.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    /**
     * The AES-GCM associated data: every header field in canonical form, with the stage the reader
     * expects (not the one the file claims), so editing the header breaks the tag.
     */
    byte[] associatedData(StageBinding expected) {
        return ("hover-secrets: " + VERSION + "\n"
                + "name: " + expected.name() + "\n"
                + "stage: " + expected.stage() + "\n"
                + "kms-key: " + keyId + "\n"
                + "keys: " + String.join(" ", keyNames) + "\n"
                + "data-key: " + base64(encryptedDataKey) + "\n"
                + "nonce: " + base64(nonce) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file's text, ending with a line break. */
    public String render() {
        String stage = binding.stage();
        StringBuilder out = new StringBuilder()
                .append("# Hover secrets of stage ").append(stage).append(": encrypted, safe to commit (docs/secrets.md).\n")
                .append("# To change them: mvn hover:secret-decrypt -Dhover.stage=").append(stage).append(",\n")
                .append("# edit ").append(SecretsPaths.plainFile(stage))
                .append(", then mvn hover:secret-encrypt -Dhover.stage=").append(stage).append("\n");
        field(out, "hover-secrets", Integer.toString(VERSION));
        field(out, "name", binding.name());
        field(out, "stage", binding.stage());
        field(out, "kms-key", keyId);
        field(out, "keys", String.join(" ", keyNames));
        folded(out, "data-key", base64(encryptedDataKey));
        field(out, "nonce", base64(nonce));
        field(out, "sealed-length", Integer.toString(sealed.length));
        folded(out, "sealed", base64(sealed));
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

    private static void folded(StringBuilder out, String name, String value) {
        out.append(name).append(":\n");
        for (int i = 0; i < value.length(); i += LINE_WIDTH) {
            out.append("  ").append(value, i, Math.min(value.length(), i + LINE_WIDTH)).append('\n');
        }
    }

    /**
     * @param source what to call the file in errors
     * @throws SecretsException naming the line and what is wrong: not a secrets file, unknown
     *                          version, truncated, or a field that cannot be read
     */
    public static EncryptedSecretsFile parse(String text, String source) {
        return new Reader(text, source).read();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final class Reader {
        private final String source;
        private final String[] lines;
        private final boolean endsWithLineBreak;
        private int index;
        private int fieldLine;

        Reader(String text, String source) {
            this.source = source;
            String normalized = text.replace("\r\n", "\n");
            this.endsWithLineBreak = normalized.endsWith("\n");
            this.lines = normalized.split("\n", -1);
        }

        EncryptedSecretsFile read() {
            try {
                return fields();
            } catch (SecretsException e) {
                if (!endsWithLineBreak && index >= lines.length && e.reason() != Reason.TRUNCATED) {
                    throw fail(Reason.TRUNCATED, "the file is truncated: it ends in the middle of line " + lines.length);
                }
                throw e;
            }
        }

        private EncryptedSecretsFile fields() {
            String version = next("hover-secrets");
            if (!version.equals(Integer.toString(VERSION))) {
                if (!version.matches("[0-9]{1,9}")) {
                    throw fail(Reason.MALFORMED, "line " + fieldLine + ": the format version is not a number");
                }
                throw fail(Reason.UNKNOWN_VERSION, "written in secrets format version " + version
                        + ", and this Hover reads version " + VERSION + " only: use the Hover version that wrote it, or a newer one");
            }
            StageBinding binding = binding(next("name"), next("stage"));
            String keyId = next("kms-key");
            List<String> keyNames = keyNames(next("keys"));
            byte[] dataKey = decode("data-key", next("data-key"));
            byte[] nonce = decode("nonce", next("nonce"));
            if (nonce.length != NONCE_BYTES) {
                throw fail(Reason.TAMPERED, "line " + fieldLine + ": the nonce has " + nonce.length
                        + " bytes instead of " + NONCE_BYTES + ": the file was altered");
            }
            int sealedLength = length(next("sealed-length"));
            byte[] sealed = sealed(next("sealed"), sealedLength);
            if (nextFieldLine() != null) {
                throw fail(Reason.MALFORMED, "line " + index + ": unexpected text after the sealed content");
            }
            return new EncryptedSecretsFile(binding, keyId, keyNames, dataKey, nonce, sealed);
        }

        private StageBinding binding(String name, String stage) {
            if (name.isEmpty() || stage.isEmpty()) {
                throw fail(Reason.MALFORMED, "the name and the stage must not be empty");
            }
            return new StageBinding(name, stage);
        }

        private List<String> keyNames(String value) {
            List<String> names = value.isEmpty() ? List.of() : List.of(value.split(" +"));
            for (String name : names) {
                if (!KEY_NAME.matcher(name).matches()) {
                    throw fail(Reason.MALFORMED, "line " + fieldLine + ": 'keys' holds something that is not a key name");
                }
            }
            return names;
        }

        private int length(String value) {
            if (!value.matches("[0-9]{1,9}")) {
                throw fail(Reason.MALFORMED, "line " + fieldLine + ": sealed-length is not a number");
            }
            return Integer.parseInt(value);
        }

        private byte[] sealed(String value, int announced) {
            int expectedChars = (announced + 2) / 3 * 4;
            if (value.length() < expectedChars) {
                throw fail(Reason.TRUNCATED, "the sealed content is truncated: " + value.length()
                        + " base64 characters where the header announces " + expectedChars + " (" + announced + " bytes)");
            }
            if (value.length() > expectedChars) {
                throw fail(Reason.TAMPERED, "the sealed content is longer than the header announces: the file was altered");
            }
            return decode("sealed", value);
        }

        private byte[] decode(String field, String value) {
            try {
                return Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw fail(Reason.TAMPERED, "line " + fieldLine + ": field '" + field + "' is not valid base64: the file was altered");
            }
        }

        /** The value of the next field, which must be {@code expected}; folded lines are joined. */
        private String next(String expected) {
            String line = nextFieldLine();
            if (line == null) {
                throw fail(Reason.TRUNCATED, "the file is truncated: it ends before field '" + expected + "'");
            }
            fieldLine = index;
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon);
            if (!name.equals(expected)) {
                if (expected.equals(FIELDS.get(0))) {
                    throw fail(Reason.MALFORMED, "not a Hover secrets file: it does not start with 'hover-secrets: <version>'");
                }
                throw fail(Reason.MALFORMED, "line " + index + ": expected field '" + expected + "'"
                        + (FIELDS.contains(name) ? ", found '" + name + "' (the fields are in a fixed order)" : ""));
            }
            StringBuilder value = new StringBuilder(line.substring(colon + 1).strip());
            while (index < lines.length && !lines[index].isEmpty() && Character.isWhitespace(lines[index].charAt(0))) {
                value.append(lines[index++].strip());
            }
            return value.toString();
        }

        /** Skips blank lines and comments; advances past the returned line. */
        private String nextFieldLine() {
            while (index < lines.length) {
                String line = lines[index++];
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line;
                }
            }
            return null;
        }

        private SecretsException fail(Reason reason, String message) {
            return new SecretsException(reason, source + ": " + message);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedSecretsFile that
                && binding.equals(that.binding) && keyId.equals(that.keyId) && keyNames.equals(that.keyNames)
                && Arrays.equals(encryptedDataKey, that.encryptedDataKey) && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * binding.hashCode() + keyId.hashCode()) + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "EncryptedSecretsFile[" + binding + ", key " + keyId + ", keys " + keyNames + "]";
    }
}
