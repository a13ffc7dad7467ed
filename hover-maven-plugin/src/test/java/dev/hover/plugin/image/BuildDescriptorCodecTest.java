package dev.hover.plugin.image;

import dev.hover.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildDescriptorCodecTest {
    @TempDir
    Path dir;

    static BuildDescriptor sample() {
        ImageSpec image = new ImageSpec("public.ecr.aws/lambda/java:21", Architecture.ARM64,
                List.of("/var/lang/bin/java", "-cp", "/var/task/app/classes", "dev.hover.runtime.Bootstrap"),
                "/var/task", Map.of("LAMBDA_TASK_ROOT", "/var/task"), Map.of("dev.hover.stage", "staging"),
                List.of(new ImageSpec.Layer("classes",
                        List.of(new ImageSpec.Entry("/p/target/classes/A.class", "/var/task/app/classes/A.class")))));
        return new BuildDescriptor(BuildDescriptor.FORMAT, "20261126T174500Z-3f9a2c", "staging",
                "2026-11-26T17:45:00Z", "ab".repeat(32), image,
                new ImageOutput(ImageOutput.Kind.TAR, "/p/target/hover/staging/image.tar", "sha256:1", "sha256:2"),
                new BuiltAssets(null, "assets/20261126T174500Z-3f9a2c/", "/assets/20261126T174500Z-3f9a2c", 0), "ef".repeat(32));
    }

    @Test
    void writesAndReadsBackTheSameDescriptor() {
        Path file = dir.resolve("target/hover/staging/build.json");
        BuildDescriptorCodec.write(sample(), file);

        assertThat(BuildDescriptorCodec.read(file)).isEqualTo(sample());
        assertThat(BuildDescriptorCodec.read(file).assets().present()).isFalse();
    }

    @Test
    void refusesANewerFormatAndSaysWhatToDo() {
        String json = BuildDescriptorCodec.toJson(sample()).replace("\"format\" : 1", "\"format\" : 9");

        assertThatThrownBy(() -> BuildDescriptorCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), "build.json"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("build.json has format 9")
                .hasMessageContaining("perhaps you should rebuild");
    }

    @Test
    void namesTheFileWhenAFieldIsMissing() throws Exception {
        Path file = dir.resolve("build.json");
        Files.writeString(file, BuildDescriptorCodec.toJson(sample()).replaceFirst("\"buildId\" : \"[^\"]+\",", ""));

        assertThatThrownBy(() -> BuildDescriptorCodec.read(file))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining(file + " is not a valid build descriptor")
                .hasMessageContaining("buildId");
    }

    @Test
    void suggestsBuildingWhenThereIsNoDescriptor() {
        assertThatThrownBy(() -> BuildDescriptorCodec.read(dir.resolve("missing/build.json")))
                .hasMessageContaining("perhaps you should run hover:build");
    }
}
