package dev.hover.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {
    @Test
    void aHostIsNamedByTheJvmsOsArchInEitherSpelling() {
        assertThat(Architecture.ofHost("amd64")).contains(Architecture.X86_64);
        assertThat(Architecture.ofHost("x86_64")).contains(Architecture.X86_64);
        assertThat(Architecture.ofHost("aarch64")).contains(Architecture.ARM64);
        assertThat(Architecture.ofHost("ARM64")).contains(Architecture.ARM64);
        assertThat(Architecture.ofHost("ppc64le")).isEmpty();
        assertThat(Architecture.ofHost("x86")).isEmpty();
    }
}
