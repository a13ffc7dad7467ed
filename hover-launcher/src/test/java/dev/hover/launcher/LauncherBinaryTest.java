package dev.hover.launcher;

import dev.hover.model.Architecture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherBinaryTest {
    /** ELF's e_machine values: what the executable was built for. */
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

    @Test
    void eachLambdaArchitectureHasAStaticLinuxExecutableOfItsOwnMachine() throws IOException {
        assertThat(elfMachine(LauncherBinary.forArchitecture(Architecture.X86_64))).isEqualTo(EM_X86_64);
        assertThat(elfMachine(LauncherBinary.forArchitecture(Architecture.ARM64))).isEqualTo(EM_AARCH64);
    }

    @Test
    void theImagePathAndTheArchitectureAreTheManifests() {
        LauncherBinary binary = LauncherBinary.forArchitecture(Architecture.X86_64);
        assertThat(LauncherBinary.IMAGE_PATH).isEqualTo("/var/task/hover/bin/hover-launch");
        assertThat(binary.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(binary).hasToString("hover-launch for x86_64 (dev/hover/launcher/linux-amd64/hover-launch)");
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
