package dev.hover.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed test vectors (see {@link SecretsVectors}), which hover-launcher's Go reader is
 * tested against, still hold for the Java reader: same cases, same answers.
 */
class SecretsVectorsTest {
    @Test
    void dotenvAnswersAreDotenvParsers() throws IOException {
        JsonNode vectors = SecretsVectors.read("dotenv.json");
        List<String> names = new ArrayList<>();
        for (JsonNode vector : vectors.get("cases")) {
            String name = vector.get("name").asText();
            names.add(name);
            assertThat(SecretsVectors.dotenvCases()).as(name).containsEntry(name, vector.get("text").asText());
            if (vector.has("error")) {
                assertThat(dotenvError(vector.get("text").asText())).as(name).isEqualTo(vector.get("error").asText());
            } else {
                assertThat(DotenvParser.parse(vector.get("text").asText(), SecretsVectors.DOTENV_SOURCE))
                        .as(name).containsExactlyEntriesOf(entries(vector.get("entries")));
            }
        }
        assertThat(names).containsExactlyElementsOf(SecretsVectors.dotenvCases().keySet());
    }

    @Test
    void theEnvelopeSealedByJavaOpensToItsEntries() throws IOException {
        JsonNode vector = SecretsVectors.read("envelope.json");
        String source = vector.get("source").asText();
        EncryptedSecretsFile file = EncryptedSecretsFile.parse(vector.get("file").asText(), source);

        PlainSecrets opened = new SecretsEnvelope().open(file, SecretsVectors.STAGE, source, SecretsVectors.VectorDataKey.of(vector));

        assertThat(opened.text()).isEqualTo(SecretsVectors.PLAIN);
        assertThat(opened.values()).containsExactlyEntriesOf(entries(vector.get("entries")));
    }

    @Test
    void encryptedFileAnswersAreEncryptedSecretsFilesOnTheCommittedEnvelope() throws IOException {
        String valid = SecretsVectors.read("envelope.json").get("file").asText();
        Map<String, String> cases = SecretsVectors.secretsFileCases(valid);
        JsonNode vectors = SecretsVectors.read("secrets-files.json");
        List<String> names = new ArrayList<>();
        for (JsonNode vector : vectors.get("cases")) {
            String name = vector.get("name").asText();
            names.add(name);
            assertThat(vector.get("text").asText()).as(name).isEqualTo(cases.get(name));
            assertThat(SecretsVectors.secretsFileVector(name, cases.get(name))).as(name).isEqualTo(vector);
        }
        assertThat(names).containsExactlyElementsOf(cases.keySet());
        assertThat(vectors.get("cases").findValues("reason")).extracting(JsonNode::asText)
                .as("every reason the reader gives").contains("MALFORMED", "UNKNOWN_VERSION", "TRUNCATED", "TAMPERED");
    }

    private static String dotenvError(String text) {
        try {
            DotenvParser.parse(text, SecretsVectors.DOTENV_SOURCE);
            return "no error";
        } catch (SecretsException e) {
            assertThat(e.reason()).isEqualTo(SecretsException.Reason.SYNTAX);
            return e.getMessage();
        }
    }

    private static Map<String, String> entries(JsonNode list) {
        Map<String, String> entries = new LinkedHashMap<>();
        list.forEach(entry -> entries.put(entry.get("key").asText(), entry.get("value").asText()));
        return entries;
    }
}
