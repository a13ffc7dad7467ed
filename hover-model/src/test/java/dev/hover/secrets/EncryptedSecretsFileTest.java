package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedSecretsFileTest {
    private static final EncryptedSecretsFile FILE = new EncryptedSecretsFile(
            new StageBinding("shop-staging", "staging"), FakeDataKeys.KEY_ID, List.of("A", "B_2"),
            new byte[150], new byte[12], new byte[200]);

    private static SecretsException parseFailure(String text) {
        try {
            EncryptedSecretsFile.parse(text, "s.env");
        } catch (SecretsException e) {
            return e;
        }
        throw new AssertionError("parsed");
    }

    @Test
    void parsesWhatItRenders() {
        assertThat(EncryptedSecretsFile.parse(FILE.render(), "s.env")).isEqualTo(FILE);
    }

    @Test
    void foldsLongValuesOntoIndentedLinesOfAtMost78Characters() {
        String text = FILE.render();

        assertThat(text.lines().filter(line -> line.startsWith("  ")))
                .hasSizeGreaterThan(4)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(text).contains("\nsealed:\n  ").endsWith("\n");
    }

    @Test
    void readsWindowsLineEndings() {
        assertThat(EncryptedSecretsFile.parse(FILE.render().replace("\n", "\r\n"), "s.env")).isEqualTo(FILE);
    }

    @Test
    void rejectsAnUnknownVersion() {
        SecretsException e = parseFailure(FILE.render().replace("hover-secrets: 1", "hover-secrets: 2"));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_VERSION);
        assertThat(e).hasMessage("s.env: written in secrets format version 2, and this Hover reads version 1 only: "
                + "use the Hover version that wrote it, or a newer one");
    }

    @Test
    void rejectsSomethingElse() {
        assertThat(parseFailure("DB_PASSWORD=x\n"))
                .hasMessage("s.env: not a Hover secrets file: it does not start with 'hover-secrets: <version>'")
                .extracting(SecretsException::reason).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void reportsTruncationInsideTheSealedContent() {
        String text = FILE.render();
        SecretsException e = parseFailure(text.substring(0, text.length() - 40));

        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e).hasMessageStartingWith("s.env: the sealed content is truncated:");
    }

    @Test
    void reportsTruncationInTheHeader() {
        String text = FILE.render();
        String cutAtLineEnd = text.substring(0, text.indexOf("nonce:"));
        String cutMidLine = text.substring(0, text.indexOf("nonce:") + 10);

        assertThat(parseFailure(cutAtLineEnd))
                .hasMessage("s.env: the file is truncated: it ends before field 'nonce'")
                .extracting(SecretsException::reason).isEqualTo(Reason.TRUNCATED);
        assertThat(parseFailure(cutMidLine).reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(parseFailure(text.substring(0, 30)).reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void rejectsFieldsOutOfOrder() {
        String text = FILE.render();
        String swapped = text.replace("name: shop-staging\nstage: staging", "stage: staging\nname: shop-staging");

        assertThat(parseFailure(swapped)).hasMessage(
                "s.env: line 5: expected field 'name', found 'stage' (the fields are in a fixed order)");
    }

    @Test
    void rejectsTrailingText() {
        assertThat(parseFailure(FILE.render() + "extra: 1\n")).hasMessage("s.env: line " + (FILE.render().lines().count() + 1)
                + ": unexpected text after the sealed content");
    }

    @Test
    void rejectsBrokenBase64AsAlteration() {
        String text = FILE.render().replaceFirst("nonce: \\S+", "nonce: ***");

        assertThat(parseFailure(text).reason()).isEqualTo(Reason.TAMPERED);
    }
}
