package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.JavaSettings;
import dev.hover.model.StageManifest;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive on a base image with Java 25: an AOT cache (JEP 483), recorded by the
 * training, which also requests the manifest's {@code http.prime} paths, created by a second JVM,
 * in its own layer, and used by the image's own JVM when the entry point starts under AWS's
 * Runtime Interface Emulator (its class loading log says where each class came from); the same
 * cache again for the same inputs and base image digest; none, with a note, beside an option the
 * JVM refuses with it.
 */
class AotCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CACHE_OPTION = "-XX:AOTCache=/var/task/hover/app.aot";
    private static final List<String> PRIME = List.of("/hello?from=prime", "/products");
    private static final int PRIME_ROUNDS = 3;

    @TempDir
    static Path dir;
    static SampleProject project;
    static List<Dependency> runtime;
    static String baseImage;

    @BeforeAll
    static void createProject() throws Exception {
        project = SampleProject.create(dir.resolve("project"), 8080);
        runtime = TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")));
        baseImage = TestImages.baseTarWithJvm(Files.createDirectories(dir.resolve("base-25")), TestImages.java25Home());
    }

    @Test
    void isRecordedWithThePrimingCreatedAndUsedByTheEntryPoint() throws Exception {
        RecordingLog log = new RecordingLog();
        BuildDescriptor build = build("first", log);

        assertThat(log.info).anyMatch(line -> line.startsWith("Class-data archive: trained with the base image's Java 25 in ")
                && line.contains(" (AOT cache, "));
        assertThat(build.image().layers()).extracting(ImageSpec.Layer::name).containsExactly("release-dependencies",
                "snapshot-dependencies", "hover-runtime", "resources", "classes", "hover-launcher", ClassDataArchive.LAYER,
                "hover-stage");
        assertThat(build.image().layers().stream().filter(layer -> layer.name().equals(ClassDataArchive.LAYER))
                .flatMap(layer -> layer.entries().stream()).map(ImageSpec.Entry::target)).containsExactly("/var/task/hover/app.aot");
        // the training saw the readiness path and the priming paths, each PRIME_ROUNDS times
        String training = Files.readString(dir.resolve("build-first/class-data/training.log"));
        assertThat(training).contains("demo.App served /hello?from=prime", "demo.App served /products")
                // the runtime's count (its × comes out as the training's default charset has it)
                .containsPattern("\\(9 requests: / 200.3, /hello\\?from=prime 200.3, /products 200.3\\)");
        // the JVM command the launcher execs; without -Xshare:auto, which the JVM refuses beside -XX:AOTCache
        List<String> jvm = LaunchCommand.jvmPart(build.image().entrypoint());
        assertThat(jvm).startsWith(TestImages.JAVA).contains(CACHE_OPTION, "-XX:TieredStopAtLevel=1")
                .doesNotContain("-Xshare:auto").noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"))
                .endsWith("dev.hover.runtime.Bootstrap");

        Path taskRoot = dir.resolve("rootfs/var/task");
        try (EmulatedFunction function = ArchivedImageUnderRie.start(build, dir.resolve("layout"), dir.resolve("rootfs"),
                CACHE_OPTION)) {
            JsonNode response = JSON.readTree(function.invoke(ArchivedImageUnderRie.EVENT));

            assertThat(response.get("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(response.get("body").asText()).isEqualTo("Hello from the sample app at /hello");
            // the runtime's classes and the application's from the cache; a refused cache would say so
            assertThat(function.output()).contains("dev.hover.runtime.Bootstrap source: shared objects file",
                    "demo.App source: shared objects file", "demo.Greeting source: shared objects file")
                    .doesNotContain("Unable to use AOT cache", "[error][aot]");
        }

        RecordingLog again = new RecordingLog();
        BuildDescriptor second = build("second", again);
        assertThat(again.info).contains("Class-data archive: the one of the same inputs again (AOT cache, "
                + String.format(Locale.ROOT, "%.1f MB", Files.size(taskRoot.resolve("hover/app.aot")) / 1e6) + ")");
        assertThat(second.output().digest()).isEqualTo(build.output().digest());
    }

    @Test
    void isLeftOutWithANoteBesideAnOptionTheJvmRefusesWithIt() throws Exception {
        StageManifest primed = project.manifest(baseImage, PRIME, PRIME_ROUNDS);
        JavaSettings java = primed.java();
        StageManifest sharingOff = new StageManifest(primed.stage(), primed.name(), primed.awsProfile(), primed.region(),
                primed.environment(), primed.auth(), primed.vpc(), primed.deployCommands(),
                new JavaSettings(java.baseImage(), java.architecture(), List.of("-Xshare:off"), java.mainClass(),
                        java.repository()), primed.http(), primed.cli(), primed.queues(), primed.assets(), primed.schedule());
        RecordingLog log = new RecordingLog();
        BuildDescriptor build = build(sharingOff, "sharing-off", log);

        // the JVM would not start with -XX:AOTCache beside it: no cache rather than an image that cannot start
        assertThat(log.info).contains("No class-data archive: the base image's Java 25 takes an AOT cache, and refuses "
                + "to start with -Xshare:off (java.jvm-options) beside it");
        assertThat(log.warnings).isEmpty();
        assertThat(build.image().layers()).extracting(ImageSpec.Layer::name).doesNotContain(ClassDataArchive.LAYER);
        assertThat(build.image().entrypoint()).contains("-Xshare:auto", "-Xshare:off")
                .noneMatch(argument -> argument.startsWith("-XX:AOTCache"));

        // the same from the base image's own environment, which the functions' JVM starts with too
        String sharingOffBase = TestImages.baseTarWithJvm(Files.createDirectories(dir.resolve("base-25-sharing-off")),
                TestImages.java25Home(), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:off"));
        RecordingLog fromTheBase = new RecordingLog();
        BuildDescriptor onThatBase = build(project.manifest(sharingOffBase, PRIME, PRIME_ROUNDS), "sharing-off-base", fromTheBase);
        assertThat(fromTheBase.info).contains("No class-data archive: the base image's Java 25 takes an AOT cache, and "
                + "refuses to start with -Xshare:off (JAVA_TOOL_OPTIONS in the image's environment) beside it");
        assertThat(onThatBase.image().layers()).extracting(ImageSpec.Layer::name).doesNotContain(ClassDataArchive.LAYER);
    }

    private static BuildDescriptor build(String name, RecordingLog log) throws Exception {
        return build(project.manifest(baseImage, PRIME, PRIME_ROUNDS), name, log);
    }

    /** Each build in its own directories, beside one remembered last build (where the cache is kept). */
    private static BuildDescriptor build(StageManifest manifest, String name, RecordingLog log) throws Exception {
        Path buildDirectory = dir.resolve("build-" + name);
        Path tar = buildDirectory.resolve("image.tar");
        return new ImageBuildService(log).build(new ImageBuildService.Request(manifest,
                project.manifestFile, project.files(runtime), buildDirectory, dir.resolve("cache-" + name),
                new LastBuild(dir.resolve("last-build")), id -> ImageTarget.tar(tar, "demo-staging:" + name),
                "20261202T010000Z-a1b2c3", Instant.now(), Optional.of(TestImages.JAVA), Optional.empty(), false)).descriptor();
    }
}
