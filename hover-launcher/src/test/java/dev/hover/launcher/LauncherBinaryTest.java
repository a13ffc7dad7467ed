package dev.hover.launcher;

import dev.hover.model.Architecture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherBinaryTest {
    /** ELF's e_machine values: what the executable was built for. */
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

    @Test
    void eachLambdaArchitectureHasAStaticLinuxExecutableOfItsOwnMachine() throws IOException {
        assertThat(elfMachine(LauncherBinary.forArchitecture("x86_64"))).isEqualTo(EM_X86_64);
        assertThat(elfMachine(LauncherBinary.forArchitecture("arm64"))).isEqualTo(EM_AARCH64);
        assertThat(LauncherBinary.forArchitecture(Architecture.ARM64)).hasToString(LauncherBinary.forArchitecture("arm64").toString());
    }

    @Test
    void theSizeIsTheNumberOfBytesTheStreamGives() throws IOException {
        LauncherBinary binary = LauncherBinary.forArchitecture("arm64");
        try (InputStream in = binary.open()) {
            assertThat(binary.size()).isEqualTo(in.readAllBytes().length).isGreaterThan(1_000_000);
        }
    }

    @Test
    void theImagePathAndTheArchitectureAreTheManifests() {
        LauncherBinary binary = LauncherBinary.forArchitecture("x86_64");
        assertThat(binary.imagePath()).isEqualTo("/var/task/hover/bin/hover-launch");
        assertThat(binary.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(binary).hasToString("hover-launch for x86_64 (dev/hover/launcher/linux-amd64/hover-launch)");
    }

    @Test
    void anArchitectureLambdaDoesNotRunIsRefusedNamingTheOnesItDoes() {
        assertThatThrownBy(() -> LauncherBinary.forArchitecture("amd64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hover-launch is not built for the architecture 'amd64': Lambda runs x86_64 and arm64");
    }

    private static int elfMachine(LauncherBinary binary) throws IOException {
        try (InputStream in = binary.open()) {
            byte[] header = in.readNBytes(20);
            assertThat(Arrays.copyOf(header, 4)).as("ELF magic").containsExactly(0x7f, 'E', 'L', 'F');
            // e_machine, little-endian on both
            return (header[18] & 0xff) | (header[19] & 0xff) << 8;
        }
    }
}
