package dev.hover.runtime.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpSyntaxTest {
    @Test
    void tokensAreMethodsAndHeaderNames() {
        assertThat(HttpSyntax.isToken("GET")).isTrue();
        assertThat(HttpSyntax.isToken("PROPFIND")).isTrue();
        assertThat(HttpSyntax.isToken("x-amzn-trace-id")).isTrue();
        assertThat(HttpSyntax.isToken("!#$%&'*+-.^_`|~09azAZ")).isTrue();
    }

    @Test
    void aSpaceAColonAControlOrANonAsciiCharacterIsNoToken() {
        assertThat(HttpSyntax.isToken("")).isFalse();
        assertThat(HttpSyntax.isToken("GET /admin")).isFalse();
        assertThat(HttpSyntax.isToken("host:evil")).isFalse();
        assertThat(HttpSyntax.isToken("x\r\nInjected")).isFalse();
        assertThat(HttpSyntax.isToken("x\u0000")).isFalse();
        assertThat(HttpSyntax.isToken("café")).isFalse();
        assertThat(HttpSyntax.isToken("a\"b")).isFalse();
        assertThat(HttpSyntax.isToken("(comment)")).isFalse();
        assertThat(HttpSyntax.isToken("a,b")).isFalse();
        assertThat(HttpSyntax.isToken("a/b")).isFalse();
    }

    @Test
    void fieldValuesRefuseControlsButTheTab() {
        assertThat(HttpSyntax.isFieldValue("")).isTrue();
        assertThat(HttpSyntax.isFieldValue("text/html, application/json;q=0.9")).isTrue();
        assertThat(HttpSyntax.isFieldValue("a\tb")).isTrue();
        assertThat(HttpSyntax.isFieldValue("Zoë, 東京")).isTrue();
        assertThat(HttpSyntax.isFieldValue("a\rb")).isFalse();
        assertThat(HttpSyntax.isFieldValue("a\nb")).isFalse();
        assertThat(HttpSyntax.isFieldValue("a\u0000b")).isFalse();
        assertThat(HttpSyntax.isFieldValue("a\u001bb")).isFalse();
        assertThat(HttpSyntax.isFieldValue("a\u007fb")).isFalse();
    }

    @Test
    void printableShowsControlsAsQuestionMarksAndCutsLongText() {
        assertThat(HttpSyntax.printable("x\r\ny")).isEqualTo("'x??y'");
        assertThat(HttpSyntax.printable("a".repeat(70))).isEqualTo("'" + "a".repeat(60) + "…'");
    }
}
