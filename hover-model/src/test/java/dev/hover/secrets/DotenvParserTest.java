package dev.hover.secrets;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotenvParserTest {
    private static final String SOURCE = ".hover/staging-secrets.plain.env";

    private static Map<String, String> parse(String text) {
        return DotenvParser.parse(text, SOURCE);
    }

    @Test
    void readsUnquotedValuesTrimmed() {
        assertThat(parse("A=one\nB =  two words  \nC=\n")).containsExactly(
                Map.entry("A", "one"), Map.entry("B", "two words"), Map.entry("C", ""));
    }

    @Test
    void skipsCommentsAndBlankLines() {
        assertThat(parse("# a comment\n\n   \n  # indented comment\nA=1 # trailing comment\nB=x#not-a-comment\n"))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "x#not-a-comment"));
    }

    @Test
    void acceptsTheExportPrefix() {
        assertThat(parse("export A=1\nexport\tB=2\nexported=3\n"))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "2"), Map.entry("exported", "3"));
    }

    @Test
    void takesSingleQuotedValuesLiterally() {
        assertThat(parse("A='  spaced  '\nB='a \\n b \"c\" # d $E'\n"))
                .containsExactly(Map.entry("A", "  spaced  "), Map.entry("B", "a \\n b \"c\" # d $E"));
    }

    @Test
    void understandsEscapesInDoubleQuotes() {
        assertThat(parse("A=\"line1\\nline2\\ttab\\r \\\"quoted\\\" back\\\\slash \\$HOME\" # comment\n"))
                .containsEntry("A", "line1\nline2\ttab\r \"quoted\" back\\slash $HOME");
    }

    @Test
    void keepsMultiLineQuotedValuesSuchAsPemKeys() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----";
        Map<String, String> values = parse("KEY=\"" + pem + "\"\nSINGLE='" + pem + "'\nAFTER=1\n");
        assertThat(values).containsExactly(Map.entry("KEY", pem), Map.entry("SINGLE", pem), Map.entry("AFTER", "1"));
    }

    @Test
    void keepsTheFileOrder() {
        assertThat(parse("Z=1\nA=2\nM=3\n").keySet()).containsExactly("Z", "A", "M");
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() {
        assertThat(parse("\uFEFFA=1\r\nB=\"x\r\ny\"\r\n")).containsExactly(Map.entry("A", "1"), Map.entry("B", "x\ny"));
    }

    @Test
    void takesDollarSignsLiterally() {
        assertThat(parse("A=$B\nC=${D}\n")).containsExactly(Map.entry("A", "$B"), Map.entry("C", "${D}"));
    }

    @Test
    void acceptsAFileWithoutFinalLineBreak() {
        assertThat(parse("A=1\nB='2'")).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void rejectsALineWithoutEqualsSignNamingTheLineButNotItsText() {
        assertThatThrownBy(() -> parse("A=1\n\nsk_live_0123456789\n"))
                .isInstanceOf(SecretsException.class)
                .hasMessage(SOURCE + ", line 3: expected KEY=value; a key has only letters, digits and '_', and '=' follows it")
                .satisfies(e -> assertThat(((SecretsException) e).reason()).isEqualTo(SecretsException.Reason.SYNTAX));
    }

    @Test
    void rejectsAnInvalidKey() {
        assertThatThrownBy(() -> parse("A=1\n1B=2\n"))
                .hasMessageStartingWith(SOURCE + ", line 2: expected KEY=value; a key starts with a letter");
        assertThatThrownBy(() -> parse("=2\n")).hasMessageStartingWith(SOURCE + ", line 1: expected KEY=value");
    }

    @Test
    void rejectsNamesTheManifestEnvironmentReservesToo() {
        assertThatThrownBy(() -> parse("A=1\nAWS_REGION=eu-west-1\n"))
                .hasMessageStartingWith(SOURCE + ", line 2: AWS_REGION is reserved");
        assertThatThrownBy(() -> parse("spring.datasource.password=x\n"))
                .hasMessage(SOURCE + ", line 1: expected KEY=value; a key has only letters, digits and '_', and '=' follows it");
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingTheLineWhereItOpens() {
        assertThatThrownBy(() -> parse("A=1\nB=\"never\nclosed\nC=3\n"))
                .hasMessage(SOURCE + ", line 2: the double-quoted value opened here is never closed");
        assertThatThrownBy(() -> parse("A='open\n"))
                .hasMessage(SOURCE + ", line 1: the single-quoted value opened here is never closed");
    }

    @Test
    void rejectsAnUnknownEscapeWithoutQuotingIt() {
        assertThatThrownBy(() -> parse("A=1\nB=\"first\nsecond \\q\"\n"))
                .hasMessageStartingWith(SOURCE + ", line 3: unknown escape in a double-quoted value")
                .hasMessageNotContaining("second");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        assertThatThrownBy(() -> parse("A='x'y\n"))
                .hasMessage(SOURCE + ", line 1: unexpected text after the closing quote; put a comment after a space and '#'");
    }

    @Test
    void rejectsAKeySetTwice() {
        assertThatThrownBy(() -> parse("A=1\nB=2\nexport A=3\n"))
                .hasMessage(SOURCE + ", line 3: A is already set on line 1");
    }

    @Test
    void errorsNeverContainValues() {
        String[] broken = {"A=\"s3cr3t-value\n", "A='s3cr3t-value", "A=\"s3cr3t-value\\x\"", "A='s3cr3t-value'x", "s3cr3t-value\n"};
        for (String text : broken) {
            assertThatThrownBy(() -> parse(text)).hasMessageNotContaining("s3cr3t");
        }
    }
}
