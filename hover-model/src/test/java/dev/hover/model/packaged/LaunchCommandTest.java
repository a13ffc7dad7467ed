package dev.hover.model.packaged;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutSecretsIsTheJvmCommandAlone() {
        assertThat(LaunchCommand.of("/var/lang/bin/java", List.of("-Xshare:auto"), List.of("/a.jar", "/b"), List.of()))
                .containsExactly("/var/lang/bin/java", "-Xshare:auto", "-cp", "/a.jar:/b", "dev.hover.runtime.Bootstrap");
    }

    @Test
    void withSecretsAShellRunsTheSecretsJvmThenBecomesTheSameJvmCommand() {
        List<String> command = LaunchCommand.of("/var/lang/bin/java", List.of("-Xshare:auto"), List.of("/rt.jar", "/b"),
                List.of("/rt.jar"));

        assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(command.get(2)).isEqualTo("secrets=$(\"$0\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
                + " -cp '/rt.jar' dev.hover.runtime.SecretsExport) || exit; eval \"$secrets\"; unset secrets; exec \"$0\" \"$@\"");
        assertThat(command.subList(3, command.size()))
                .containsExactly("/var/lang/bin/java", "-Xshare:auto", "-cp", "/rt.jar:/b", "dev.hover.runtime.Bootstrap");
    }

    /** The script run by a real shell, with stand-ins for java: what the exec'd program gets. */
    @Test
    void theExecutedCommandSeesTheExportedValuesExactlyAndItsOwnArguments() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("QUOTES", "it's \"quoted\" `cmd` $(cmd) $HOME \\n \\");
        secrets.put("MULTI_LINE", "-----BEGIN KEY-----\nabc\n-----END KEY-----\n");
        secrets.put("UNICODE", "héllo wörld ✓");
        secrets.put("EMPTY", "");
        Path exports = dir.resolve("exports");
        Files.writeString(exports, ShellQuoting.exports(secrets));
        // "java": prints the exports when asked for SecretsExport, else records its arguments and environment
        Path java = dir.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                for argument in "$@"; do
                  if [ "$argument" = dev.hover.runtime.SecretsExport ]; then cat '%s'; exit 0; fi
                done
                printf '%%s\\n' "$@" > '%s/arguments'
                for name in QUOTES MULTI_LINE UNICODE EMPTY; do printenv "$name" > "%s/$name" || echo unset > "%s/$name"; done
                """.formatted(exports, dir, dir, dir));
        java.toFile().setExecutable(true);

        Process process = new ProcessBuilder(LaunchCommand.of(java.toString(), List.of("-Dx=a b"), List.of("/app"),
                List.of("/rt.jar"))).inheritIO().start();

        assertThat(process.waitFor()).isZero();
        assertThat(Files.readAllLines(dir.resolve("arguments"))).containsExactly("-Dx=a b", "-cp", "/app",
                "dev.hover.runtime.Bootstrap");
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            // printenv ends each value with a newline
            assertThat(Files.readString(dir.resolve(secret.getKey()), StandardCharsets.UTF_8)).isEqualTo(secret.getValue() + "\n");
        }
    }

    @Test
    void aFailingSecretsJvmEndsTheShellWithItsStatusAndNothingElseRuns() throws IOException, InterruptedException {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = dev.hover.runtime.SecretsExport ] && exit 3; done\n"
                + "touch '" + dir.resolve("ran") + "'\n");
        java.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(LaunchCommand.of(java.toString(), List.of(), List.of("/app"), List.of("/rt.jar")));

        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isEqualTo(3);
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    void refusesANameThatIsNotAShellName() {
        assertThatThrownBy(() -> ShellQuoting.exports(Map.of("A;rm", "x")))
                .hasMessage("Not a shell variable name: A;rm");
    }
}
