package dev.hover.model.packaged;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher itself does with this command is hover-launcher's to test, and SecretsRieTest's. */
class LaunchCommandTest {
    private static final LaunchCommand.Secrets SECRETS = new LaunchCommand.Secrets("/var/task/hover/bin/hover-launch",
            "shop-staging", "staging", "/var/task/hover/secrets.env");

    @Test
    void withoutSecretsIsTheJvmCommandAlone() {
        List<String> command = LaunchCommand.of("/var/lang/bin/java", List.of("-Xshare:auto"), List.of("/a.jar", "/b"),
                Optional.empty());

        assertThat(command).containsExactly("/var/lang/bin/java", "-Xshare:auto", "-cp", "/a.jar:/b", "dev.hover.runtime.Bootstrap");
        assertThat(LaunchCommand.decryptsSecrets(command)).isFalse();
        assertThat(LaunchCommand.jvmPart(command)).isEqualTo(command);
    }

    @Test
    void withSecretsTheLauncherDecryptsThemThenExecsTheSameJvmCommand() {
        List<String> command = LaunchCommand.of("/var/lang/bin/java", List.of("-Xshare:auto"), List.of("/rt.jar", "/b"),
                Optional.of(SECRETS));

        assertThat(command).containsExactly("/var/task/hover/bin/hover-launch", "--name", "shop-staging", "--stage", "staging",
                "--secrets", "/var/task/hover/secrets.env", "--",
                "/var/lang/bin/java", "-Xshare:auto", "-cp", "/rt.jar:/b", "dev.hover.runtime.Bootstrap");
        assertThat(LaunchCommand.decryptsSecrets(command)).isTrue();
        assertThat(LaunchCommand.jvmPart(command))
                .containsExactly("/var/lang/bin/java", "-Xshare:auto", "-cp", "/rt.jar:/b", "dev.hover.runtime.Bootstrap");
    }

    @Test
    void aJvmOptionThatLooksLikeTheLaunchersSeparatorStaysInTheJvmPart() {
        List<String> command = LaunchCommand.of("java", List.of("--", "-Dx=--"), List.of("/app"), Optional.of(SECRETS));

        assertThat(LaunchCommand.jvmPart(command)).containsExactly("java", "--", "-Dx=--", "-cp", "/app",
                "dev.hover.runtime.Bootstrap");
    }

    @Test
    void theTrainingRunIsTheJvmCommandWithTheTrainingClass() {
        assertThat(LaunchCommand.training("/opt/java/bin/java", List.of("-Xshare:auto"), List.of("rt.jar", "app")))
                .containsExactly("/opt/java/bin/java", "-Xshare:auto", "-cp", "rt.jar:app", "dev.hover.runtime.Training");
    }
}
