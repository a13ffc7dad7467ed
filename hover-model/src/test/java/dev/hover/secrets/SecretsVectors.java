package dev.hover.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The test vectors that keep the Java and the Go readers of the secrets format byte-compatible
 * (hover-launcher's Go tests read the same files): dotenv texts with the variables or the error
 * {@link DotenvParser} gives, encrypted files with the fields or the error
 * {@link EncryptedSecretsFile#parse} gives, and one envelope sealed by {@link SecretsEnvelope} with
 * its plaintext data key. The Java classes are the reference: {@code SecretsVectorsTest} fails when
 * their answers drift from the committed files, which are then rewritten with
 * {@code mvn -pl hover-model test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.hover.secrets.SecretsVectors}
 * (the envelope gets a new key and nonce each time) and the Go reader is brought in line.
 */
public final class SecretsVectors {
    static final Path DIRECTORY = Path.of("src/test/resources/dev/hover/secrets/vectors");
    static final String DOTENV_SOURCE = "vectors.env";
    static final String FILE_SOURCE = "vectors-secrets.env";
    static final StageBinding STAGE = new StageBinding("shop-staging", "staging");
    static final String PLAIN = """
            # database
            export DB_PASSWORD="pa ss\\"word $HOME"
            API_TOKEN='tok$en\\n' # literal
            TLS_KEY="-----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
            -----END PRIVATE KEY-----"
            GREETING=grüß dich 🎉\u3000
            EMPTY=
            """;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SecretsVectors() {
    }

    /** Writes the three files anew from the cases below and the Java classes' answers. */
    public static void main(String[] args) throws IOException, URISyntaxException {
        // the module's directory, from target/test-classes: exec:java runs where mvn was started
        Path module = Path.of(SecretsVectors.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent();
        Path directory = Files.createDirectories(module.resolve(DIRECTORY));
        write(directory.resolve("dotenv.json"), dotenvVectors(dotenvCases()));
        VectorDataKey dataKey = VectorDataKey.fresh(STAGE);
        String sealed = new SecretsEnvelope().seal(PLAIN, STAGE, "plain", dataKey).render();
        write(directory.resolve("envelope.json"), envelopeVector(dataKey, sealed));
        write(directory.resolve("secrets-files.json"), secretsFileVectors(secretsFileCases(sealed)));
    }

    private static void write(Path file, JsonNode content) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(content) + "\n");
    }

    static JsonNode read(String name) throws IOException {
        return JSON.readTree(DIRECTORY.resolve(name).toFile());
    }

    /** Dotenv inputs by name: every rule of {@link DotenvParser}, and each of its errors. */
    static Map<String, String> dotenvCases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("plain pairs", "A=1\nB=two words\n");
        cases.put("empty file", "");
        cases.put("only comments and blank lines", "# one\n\n   \t\n# two");
        cases.put("export prefix and blanks around '='", "export A=1\nB \t= 2\nexport\tC =3\n");
        cases.put("export as a key, and a key starting with export", "export=1\nexportX=2\n");
        cases.put("comments after values", "A=1 # one\nB=x#y\nC=\t# nothing\nD='q' # quoted\nE=\"d\"\t# tab\n");
        cases.put("no expansion", "HOME_DIR=$HOME\nB=${A}\n");
        cases.put("empty values", "A=\nB=''\nC=\"\"\nD=");
        cases.put("unquoted values are stripped the Java way",
                "A=  x  \nB=y\u3000\nC=\u00a0z\u00a0\nD=w\u2003\nE=v\u001f\n");
        cases.put("single quotes are literal and span lines", "A='a\\nb \"c\" $d'\nB='line one\nline two'\n");
        cases.put("double quotes understand escapes", "A=\"\\n|\\r|\\t|\\\"|\\\\|\\$\"\n");
        cases.put("double quotes span lines", "A=\"one\ntwo\n\"\nB=after\n");
        cases.put("UTF-8 values", "A=héllo 日本 🎉\nB='€'\n");
        cases.put("CRLF and a byte order mark", "\uFEFFA=1\r\nB=\"x\r\ny\"\r\n");
        cases.put("lowercase keys and underscores", "db_pass=1\n_private=2\nA1_B2=3\n");
        cases.put("a key set twice", "A=1\nB=2\nA=3\n");
        cases.put("a key starting with a digit", "1A=x\n");
        cases.put("a line without '='", "A=1\nsecret-looking-text\n");
        cases.put("a key with a hyphen", "MY-KEY=1\n");
        cases.put("a reserved AWS_ key", "AWS_REGION=eu-west-1\n");
        cases.put("a reserved LAMBDA_ key", "LAMBDA_TASK_ROOT=/x\n");
        cases.put("a reserved HOVER_ key", "HOVER_SECRETS=x\n");
        cases.put("a name Lambda sets", "TZ=UTC\n");
        cases.put("_HANDLER", "_HANDLER=x\n");
        cases.put("reserved is checked before twice", "AWS_X=1\nAWS_X=2\n");
        cases.put("an unclosed single quote", "A=1\nB='open\nstill open\n");
        cases.put("an unclosed double quote", "A=\"open\n");
        cases.put("a backslash at the end inside double quotes", "A=\"x\\");
        cases.put("an unknown escape", "A=\"x\ny\\q\"\n");
        cases.put("an escaped line break is unknown", "A=\"x\\\ny\"\n");
        cases.put("text after the closing quote", "A='x' y\n");
        cases.put("a comment right after the closing quote", "A=\"x\"#c\n");
        cases.put("an export without a key", "export =1\n");
        cases.put("a key without a value on the last line", "A");
        return cases;
    }

    private static JsonNode dotenvVectors(Map<String, String> cases) {
        ObjectNode root = JSON.createObjectNode().put("source", DOTENV_SOURCE);
        ArrayNode list = root.putArray("cases");
        cases.forEach((name, text) -> {
            ObjectNode vector = list.addObject().put("name", name).put("text", text);
            try {
                ArrayNode entries = vector.putArray("entries");
                DotenvParser.parse(text, DOTENV_SOURCE).forEach((key, value) -> entries.addObject().put("key", key).put("value", value));
            } catch (SecretsException e) {
                vector.remove("entries");
                vector.put("error", e.getMessage());
            }
        });
        return root;
    }

    private static JsonNode envelopeVector(VectorDataKey dataKey, String sealed) {
        ObjectNode root = JSON.createObjectNode()
                .put("name", STAGE.name())
                .put("stage", STAGE.stage())
                .put("source", FILE_SOURCE)
                .put("dataKey", base64(dataKey.plaintext()))
                .put("encryptedDataKey", base64(dataKey.encrypted()))
                .put("file", sealed);
        ArrayNode entries = root.putArray("entries");
        DotenvParser.parse(PLAIN, "plain").forEach((key, value) -> entries.addObject().put("key", key).put("value", value));
        return root;
    }

    /** Encrypted file texts by name, made from a valid one: every error of {@link EncryptedSecretsFile#parse}. */
    static Map<String, String> secretsFileCases(String valid) {
        Map<String, String> cases = new LinkedHashMap<>();
        List<String> lines = List.of(valid.split("\n"));
        int sealedAt = lines.indexOf("sealed:");
        int dataKeyAt = lines.indexOf("data-key:");
        String nonceLine = lines.stream().filter(line -> line.startsWith("nonce: ")).findFirst().orElseThrow();
        cases.put("valid", valid);
        cases.put("CRLF line ends", valid.replace("\n", "\r\n"));
        cases.put("no line break at the end", valid.substring(0, valid.length() - 1));
        cases.put("comments and blank lines between fields", valid.replace("\nname:", "\n\n# the app\n  \nname:"));
        cases.put("folded with tabs and joined without separator", valid.replace("\n  ", "\n\t"));
        cases.put("folded with ideographic spaces", valid.replace("\n  ", "\n\u3000"));
        cases.put("a value ending in an ideographic space", valid.replace("name: shop-staging\n", "name: shop-staging\u3000\n"));
        cases.put("a value ending in a no-break space", valid.replace("name: shop-staging\n", "name: shop-staging\u00a0\n"));
        cases.put("unpadded base64 of the data key", edit(lines, lines.indexOf(nonceLine) - 1, line -> line.replace("=", "")));
        cases.put("not a secrets file", "hello\n");
        cases.put("an empty file", "");
        cases.put("version 2", valid.replace("hover-secrets: 1\n", "hover-secrets: 2\n"));
        cases.put("version 01", valid.replace("hover-secrets: 1\n", "hover-secrets: 01\n"));
        cases.put("a version that is no number", valid.replace("hover-secrets: 1\n", "hover-secrets: one\n"));
        cases.put("an empty name", valid.replace("name: shop-staging\n", "name:\n"));
        cases.put("an empty stage", valid.replace("stage: staging\n", "stage: \n"));
        cases.put("a field without a colon is its own value", valid.replace("stage: staging\n", "stage\n"));
        cases.put("fields out of order", valid.replace("name: shop-staging\nstage: staging\n", "stage: staging\nname: shop-staging\n"));
        cases.put("an unknown field", valid.replace("kms-key:", "kms-key-id:"));
        cases.put("a key list with a bad name", valid.replace("keys: ", "keys: BAD-NAME "));
        cases.put("a key list with double spaces", valid.replace("keys: DB_PASSWORD ", "keys: DB_PASSWORD   "));
        cases.put("no keys", valid.replace("keys: " + keysOf(lines), "keys:"));
        cases.put("a data key that is not base64", edit(lines, dataKeyAt + 1, line -> line.substring(0, 10) + "*" + line.substring(11)));
        cases.put("a carriage return inside the data key", edit(lines, dataKeyAt + 1, line -> line.substring(0, 10) + "\r" + line.substring(10)));
        cases.put("a nonce with incomplete padding", valid.replace(nonceLine, "nonce: AA="));
        cases.put("a nonce of 9 bytes", valid.replace(nonceLine, "nonce: AAAAAAAAAAAA"));
        cases.put("a padded nonce of 11 bytes", valid.replace(nonceLine, "nonce: AAAAAAAAAAAAAAA="));
        cases.put("a sealed length that is no number", valid.replaceFirst("sealed-length: [0-9]+", "sealed-length: 12x"));
        cases.put("a sealed length of ten digits", valid.replaceFirst("sealed-length: [0-9]+", "sealed-length: 1234567890"));
        cases.put("sealed content cut short", String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        cases.put("sealed content longer than announced", valid.substring(0, valid.length() - 1) + "AAAA\n");
        cases.put("sealed content that is not base64", edit(lines, sealedAt + 1, line -> "  !" + line.substring(3)));
        cases.put("sealed content with a character outside the BMP", edit(lines, sealedAt + 1, line -> "  \uD83C\uDF89" + line.substring(3)));
        cases.put("the file ends before a field", String.join("\n", lines.subList(0, dataKeyAt)) + "\n");
        cases.put("the file ends in the middle of a line", valid.substring(0, valid.indexOf(nonceLine) + 13));
        cases.put("text after the sealed content", valid + "more: text\n");
        cases.put("a comment after the sealed content", valid + "# the end\n");
        return cases;
    }

    private static String keysOf(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("keys: ")).findFirst().orElseThrow().substring("keys: ".length());
    }

    private static String edit(List<String> lines, int index, UnaryOperator<String> change) {
        List<String> edited = new ArrayList<>(lines);
        edited.set(index, change.apply(edited.get(index)));
        return String.join("\n", edited) + "\n";
    }

    private static JsonNode secretsFileVectors(Map<String, String> cases) {
        ObjectNode root = JSON.createObjectNode().put("source", FILE_SOURCE);
        ArrayNode list = root.putArray("cases");
        cases.forEach((name, text) -> list.add(secretsFileVector(name, text)));
        return root;
    }

    static ObjectNode secretsFileVector(String name, String text) {
        ObjectNode vector = JSON.createObjectNode().put("name", name).put("text", text);
        try {
            EncryptedSecretsFile file = EncryptedSecretsFile.parse(text, FILE_SOURCE);
            ObjectNode fields = vector.putObject("file")
                    .put("name", file.binding().name())
                    .put("stage", file.binding().stage())
                    .put("kmsKey", file.keyId());
            file.keyNames().forEach(fields.putArray("keys")::add);
            fields.put("dataKey", base64(file.encryptedDataKey()))
                    .put("nonce", base64(file.nonce()))
                    .put("sealed", base64(file.sealed()));
        } catch (SecretsException e) {
            vector.put("error", e.getMessage()).put("reason", e.reason().name());
        }
        return vector;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The data key of the envelope vector, standing in for KMS: it decrypts only its own encrypted
     * form under its own stage's context, as KMS would.
     */
    record VectorDataKey(byte[] plaintext, byte[] encrypted, Map<String, String> context) implements DataKeys {
        static VectorDataKey fresh(StageBinding stage) {
            SecureRandom random = new SecureRandom();
            byte[] plaintext = new byte[32];
            random.nextBytes(plaintext);
            // 119 bytes: its base64 ends with '=', which a reader may also find left out
            byte[] encrypted = new byte[119];
            random.nextBytes(encrypted);
            return new VectorDataKey(plaintext, encrypted, stage.encryptionContext());
        }

        static VectorDataKey of(JsonNode vector) {
            Base64.Decoder base64 = Base64.getDecoder();
            return new VectorDataKey(base64.decode(vector.get("dataKey").asText()), base64.decode(vector.get("encryptedDataKey").asText()),
                    new StageBinding(vector.get("name").asText(), vector.get("stage").asText()).encryptionContext());
        }

        @Override
        public DataKey generate(Map<String, String> context) {
            return new DataKey("arn:aws:kms:us-east-1:123456789012:key/0c7d1e2f-3a4b-5c6d-7e8f-90a1b2c3d4e5", plaintext.clone(), encrypted.clone());
        }

        @Override
        public byte[] decrypt(byte[] candidate, Map<String, String> candidateContext) {
            if (!Arrays.equals(candidate, encrypted) || !candidateContext.equals(context)) {
                throw KmsFailures.translate("kms:Decrypt", "alias/shop-staging-secrets-key", "the test", "InvalidCiphertextException", "");
            }
            return plaintext.clone();
        }
    }
}
