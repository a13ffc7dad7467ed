package dev.hover.runtime.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void splitsOnAnyRunOfWhitespace() {
        assertThat(CommandLine.split("  reports:send  --day\t2026-11-26 \n now ")).containsExactly("reports:send", "--day", "2026-11-26", "now");
    }

    @Test
    void emptyAndBlankLinesHaveNoWords() {
        assertThat(CommandLine.split("")).isEmpty();
        assertThat(CommandLine.split("   ")).isEmpty();
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertThat(CommandLine.split("echo 'a  b' 'c\\d \"e\"'")).containsExactly("echo", "a  b", "c\\d \"e\"");
    }

    @Test
    void doubleQuotesEscapeOnlyQuoteBackslashDollarAndBacktick() {
        assertThat(CommandLine.split("echo \"say \\\"hi\\\" \\\\ \\$HOME \\n\"")).containsExactly("echo", "say \"hi\" \\ $HOME \\n");
    }

    @Test
    void backslashOutsideQuotesEscapesAnyCharacter() {
        assertThat(CommandLine.split("cp my\\ file \\'x\\'")).containsExactly("cp", "my file", "'x'");
    }

    @Test
    void adjacentPartsJoinIntoOneWord() {
        assertThat(CommandLine.split("run --name=\"a b\"'c d'e")).containsExactly("run", "--name=a bc de");
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() {
        assertThat(CommandLine.split("set key '' \"\"")).containsExactly("set", "key", "", "");
    }

    @Test
    void keepsNonAsciiText() {
        assertThat(CommandLine.split("greet 'Zoë Ångström' ✓")).containsExactly("greet", "Zoë Ångström", "✓");
    }

    @Test
    void unterminatedQuotesNameTheirColumn() {
        assertThatThrownBy(() -> CommandLine.split("echo \"abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unterminated double quote starting at column 6");
        assertThatThrownBy(() -> CommandLine.split("echo x 'abc"))
                .hasMessage("unterminated single quote starting at column 8");
    }

    @Test
    void trailingBackslashIsAnError() {
        assertThatThrownBy(() -> CommandLine.split("echo \\"))
                .hasMessage("trailing backslash at column 6 escapes nothing");
    }
}
