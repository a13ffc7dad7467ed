package dev.hover.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRegistryArgumentsTest {

    @Test
    void turnsTlsVerificationOffRightAfterTheSubcommand() {
        assertThat(LocalRegistry.withPlainHttp(List.of("inspect", "--raw", "docker://h/r:t")))
                .containsExactly("inspect", "--tls-verify=false", "--raw", "docker://h/r:t");
        assertThat(LocalRegistry.withPlainHttp(List.of("copy", "docker://h/r:t", "dir:/tmp/x")))
                .containsExactly("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "docker://h/r:t", "dir:/tmp/x");
    }

    @Test
    void leavesAnExplicitChoiceAndOtherSubcommandsAlone() {
        assertThat(LocalRegistry.withPlainHttp(List.of("inspect", "--tls-verify=true", "docker://h/r:t")))
                .containsExactly("inspect", "--tls-verify=true", "docker://h/r:t");
        assertThat(LocalRegistry.withPlainHttp(List.of("--version"))).containsExactly("--version");
    }
}
