package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.packaged.LaunchCommand;
import dev.hover.plugin.image.archive.ClassDataArchive;
import dev.hover.testsupport.EmulatedFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive: trained by the build with the base image's own JVM, in its own layer,
 * used by that JVM when the image's entry point starts under AWS's Runtime Interface Emulator
 * (its class loading log says where each class came from), the same archive again for the same
 * inputs, and no archive, with a note, from a base image without a JVM. The stage has secrets:
 * the training gives the application a placeholder for each.
 */
class ClassDataArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SampleProject project;
    static List<Dependency> runtime;

    @BeforeAll
    static void createProject() throws Exception {
        // with the stage's secrets, which the training replaces with placeholders (it decrypts nothing)
        project = SampleProject.create(dir.resolve("project"), 8080);
        runtime = TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")));
    }

    @Test
    void isTrainedWithTheBaseImagesJvmAndUsedByTheEntryPoint() throws Exception {
        String baseImage = TestImages.baseTarWithJvm(Files.createDirectories(dir.resolve("base-with-jvm")));
        RecordingLog log = new RecordingLog();
        BuildDescriptor build = build(baseImage, "first", log);

        assertThat(log.info).anyMatch(line -> line.startsWith("Class-data archive: trained with the base image's Java 17 in ")
                && line.contains(" (dynamic AppCDS archive, "));
        assertThat(build.image().layers()).extracting(ImageSpec.Layer::name).containsExactly("release-dependencies",
                "snapshot-dependencies", "hover-runtime", "resources", "classes", "hover-launcher", ClassDataArchive.LAYER,
                "hover-stage");
        // the JVM command the launcher execs (the launcher needs KMS: this test gives the JVM the secret itself)
        List<String> entrypoint = build.image().entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("/var/task/hover/bin/hover-launch");
        List<String> jvm = LaunchCommand.jvmPart(entrypoint);
        assertThat(jvm).startsWith(TestImages.JAVA).contains("-XX:SharedArchiveFile=/var/task/hover/app.jsa")
                .endsWith("dev.hover.runtime.Bootstrap");
        // relative to the working directory, the image's task root, as in the training
        assertThat(jvm.get(jvm.indexOf("-cp") + 1)).startsWith("hover/runtime/")
                .contains(":app/resources.jar:app/classes.jar:lib/release-lib-1.2.0.jar");

        Path taskRoot = dir.resolve("rootfs/var/task");
        try (EmulatedFunction function = ArchivedImageUnderRie.start(build, dir.resolve("layout"), dir.resolve("rootfs"),
                "-XX:SharedArchiveFile=/var/task/hover/app.jsa")) {
            JsonNode response = JSON.readTree(function.invoke(ArchivedImageUnderRie.EVENT));

            assertThat(response.get("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(response.get("body").asText()).isEqualTo("Hello from the sample app at /hello");
            // the runtime's classes and the application's, from the archive's top (dynamic) layer
            assertThat(function.output()).contains("dev.hover.runtime.Bootstrap source: shared objects file (top)",
                    "demo.App source: shared objects file (top)", "demo.Greeting source: shared objects file (top)");
        }

        RecordingLog again = new RecordingLog();
        BuildDescriptor second = build(baseImage, "second", again);
        assertThat(again.info).contains("Class-data archive: the one of the same inputs again (dynamic AppCDS archive, "
                + String.format(java.util.Locale.ROOT, "%.1f MB", Files.size(taskRoot.resolve("hover/app.jsa")) / 1e6) + ")");
        assertThat(second.output().digest()).isEqualTo(build.output().digest());
    }

    @Test
    void isLeftOutWithANoteWhenTheBaseImageHasNoJvm() throws Exception {
        String baseImage = TestImages.baseTar(Files.createDirectories(dir.resolve("base-without-jvm")));
        RecordingLog log = new RecordingLog();
        BuildDescriptor build = build(baseImage, "no-jvm", log);

        assertThat(log.info).contains("No class-data archive: the base image " + baseImage
                + " has no java at " + TestImages.JAVA + " (hover.javaExecutable says where it is)");
        assertThat(log.warnings).isEmpty();
        assertThat(build.image().layers()).extracting(ImageSpec.Layer::name).doesNotContain(ClassDataArchive.LAYER);
        assertThat(build.image().entrypoint()).noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"))
                .anyMatch(argument -> argument.contains(":/var/task/app/resources:/var/task/app/classes:"));
    }

    /** Each build in its own directories, beside one remembered last build (where the archive is kept). */
    private static BuildDescriptor build(String baseImage, String name, RecordingLog log) throws Exception {
        Path buildDirectory = dir.resolve("build-" + name);
        Path tar = buildDirectory.resolve("image.tar");
        return new ImageBuildService(log).build(new ImageBuildService.Request(project.manifest(baseImage),
                project.manifestFile, project.files(runtime), buildDirectory, dir.resolve("cache-" + name),
                new LastBuild(dir.resolve("last-build-" + baseImage.hashCode())), id -> ImageTarget.tar(tar, "demo-staging:" + name),
                "20261201T230000Z-a1b2c3", Instant.now(), Optional.of(TestImages.JAVA), Optional.empty(), false)).descriptor();
    }
}
