package dev.hover.plugin.local;

import dev.hover.model.Architecture;
import dev.hover.plugin.image.ImageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** hover:run's JVM command: the image's, with this machine's java and without the image's archive. */
class LocalImageTest {
    @Test
    void leavesOutTheArchiveOfEitherKindWhichOnlyTheBaseImagesJvmCanUse(@TempDir Path dir) throws Exception {
        for (String archive : List.of("-XX:SharedArchiveFile=/var/task/hover/app.jsa", "-XX:AOTCache=/var/task/hover/app.aot")) {
            ImageSpec spec = new ImageSpec("tar:///base.tar", Architecture.X86_64, List.of("/opt/java/openjdk/bin/java",
                    "-XX:TieredStopAtLevel=1", archive, "-Xmx512m", "-cp", "hover/runtime/r.jar:app/classes.jar",
                    "dev.hover.runtime.Bootstrap"), "/var/task", Map.of(), Map.of(), List.of());

            LocalImage image = LocalImage.layOut(spec, dir.resolve("root"));

            assertThat(image.command(Path.of("/usr/bin/java"))).containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1",
                    "-Xmx512m", "-cp", "hover/runtime/r.jar:app/classes.jar", "dev.hover.runtime.Bootstrap");
        }
    }

    @Test
    void runsTheJvmPartOfALauncherEntryPointWhoseSecretsComeFromThisMachine(@TempDir Path dir) throws Exception {
        ImageSpec spec = new ImageSpec("tar:///base.tar", Architecture.X86_64, List.of("/var/task/hover/bin/hover-launch",
                "--name", "shop-staging", "--stage", "staging", "--secrets", "/var/task/hover/secrets.env", "--",
                "java", "-Xmx512m", "-cp", "/var/task/hover/runtime/r.jar", "dev.hover.runtime.Bootstrap"),
                "/var/task", Map.of(), Map.of(), List.of());

        LocalImage image = LocalImage.layOut(spec, dir.resolve("root"));

        assertThat(image.hasSecrets()).isTrue();
        assertThat(image.command(Path.of("/usr/bin/java"))).containsExactly("/usr/bin/java", "-Xmx512m", "-cp",
                dir.resolve("root/var/task/hover/runtime/r.jar").toString(), "dev.hover.runtime.Bootstrap");
    }
}
