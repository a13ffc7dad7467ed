package dev.hover.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionsTest {

    @Test
    void comparesNumericallyPartByPart() {
        assertThat(Versions.atLeast("5.2.2", "5.2.2")).isTrue();
        assertThat(Versions.atLeast("5.2.10", "5.2.2")).isTrue();
        assertThat(Versions.atLeast("6.0", "5.2.2")).isTrue();
        assertThat(Versions.atLeast("5.2.1", "5.2.2")).isFalse();
        assertThat(Versions.atLeast("5.1.20", "5.2.2")).isFalse();
        assertThat(Versions.atLeast("5.2.2.dev0", "5.2.2")).isTrue();
        assertThat(Versions.atLeast("5.2", "5.2.2")).isFalse();
    }
}
