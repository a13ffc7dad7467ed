package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Architecture;
import dev.hover.plugin.network.NetworkSettings;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.LocalRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Pushes to Debian's docker-registry on loopback and reads the image back with skopeo. */
class ImageBuildServiceRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static String baseImage;
    static List<Dependency> runtime;

    @BeforeAll
    static void pushBaseImage() throws Exception {
        registry = LocalAws.registry();
        baseImage = TestImages.pushBase(Files.createDirectories(dir.resolve("base")),
                registry.hostPort() + "/hover-test/base:1");
        runtime = TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")));
    }

    @Test
    void pushesAnImageWhoseConfigurationAndLayersAreWhatTheStageNeeds() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("layout"), 8080);
        String buildId = "20261126T180000Z-aaaaaa";
        ImageBuildService.Built built = build(project, "hover-test/layout", buildId);

        String image = registry.imageReference("hover-test/layout:" + buildId);
        JsonNode inspected = JSON.readTree(registry.skopeo("inspect", image));
        assertThat(inspected.get("Digest").asText()).isEqualTo(built.descriptor().output().digest());
        assertThat(inspected.get("Architecture").asText()).isEqualTo("amd64");
        assertThat(inspected.get("Labels").get("dev.hover.stage").asText()).isEqualTo("staging");
        assertThat(inspected.get("Labels").get("dev.hover.build-id").asText()).isEqualTo(buildId);
        assertThat(inspected.get("Labels").get("org.opencontainers.image.revision").asText()).isEqualTo("0123abc");
        JsonNode config = JSON.readTree(registry.skopeo("inspect", "--config", image)).get("config");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/var/task");
        assertThat(strings(config.get("Env"))).contains("PATH=/usr/bin:/bin", "LAMBDA_TASK_ROOT=/var/task",
                "HOVER_BUILD_ID=" + buildId);
        assertThat(strings(config.get("Entrypoint"))).isEqualTo(built.descriptor().image().entrypoint())
                .endsWith("dev.hover.runtime.Bootstrap");

        OciLayout pulled = pull("hover-test/layout:" + buildId);
        List<String> files = pulled.filesByLayer(1).stream().flatMap(List::stream).toList();
        assertThat(files).contains(
                "/var/task/hover/runtime/hover-lambda-runtime-0.1.0-SNAPSHOT.jar",
                "/var/task/app/classes/demo/App.class",
                "/var/task/app/resources/application.properties",
                "/var/task/lib/release-lib-1.2.0.jar",
                "/var/task/lib/snapshot-lib-0.3.0-SNAPSHOT.jar",
                "/var/task/hover/stage.properties",
                "/var/task/hover/secrets.env",
                "/var/task/hover/bin/hover-launch");
        assertThat(files).noneMatch(f -> f.contains("plain") || f.contains("AppTest") || f.contains("test-classes"));
        assertThat(pulled.manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
    }

    /** The class-data archive's key names the base image by this digest: a tag that moves trains anew. */
    @Test
    void theBaseImagesExportHasTheSameDigestUntilItsTagMoves() throws Exception {
        String reference = TestImages.pushBase(Files.createDirectories(dir.resolve("moving-1")),
                registry.hostPort() + "/hover-test/moving:1", "the first image of the tag\n");
        ImageContainerizer containerizer = new ImageContainerizer(dir.resolve("export-cache"), true, NetworkSettings.none(),
                new RecordingLog());

        String first = containerizer.exportBase(reference, Architecture.X86_64, dir.resolve("export-1.tar"));
        String again = containerizer.exportBase(reference, Architecture.X86_64, dir.resolve("export-2.tar"));
        TestImages.pushBase(Files.createDirectories(dir.resolve("moving-2")), reference, "the tag moved\n");
        String moved = containerizer.exportBase(reference, Architecture.X86_64, dir.resolve("export-3.tar"));

        assertThat(first).startsWith("sha256:").isEqualTo(again);
        assertThat(moved).startsWith("sha256:").isNotEqualTo(first);
    }

    @Test
    void pushesTheSameDigestForTheSameInputsAndUploadsNothingTheSecondTime() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("reproducible"), 8080);
        String buildId = "20261126T180100Z-bbbbbb";
        ImageBuildService.Built first = build(project, "hover-test/reproducible", buildId);
        ImageBuildService.Built second = build(project, "hover-test/reproducible", buildId);

        assertThat(second.descriptor().output().digest()).isEqualTo(first.descriptor().output().digest());
        assertThat(first.uploads().layerBytes(first.descriptor().output().imageId())).isPositive();
        assertThat(second.uploads().uploaded()).isEmpty();
    }

    @Test
    void keepsTheBuildIdAndUploadsNoLayerWhenNothingChanged() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("unchanged"), 8080);
        ImageBuildService.Built first = build(project, "hover-test/unchanged", "20261126T180400Z-111111");
        ImageBuildService.Built again = build(project, "hover-test/unchanged", "20261126T180500Z-222222");

        assertThat(again.descriptor().buildId()).isEqualTo("20261126T180400Z-111111");
        assertThat(again.descriptor().output()).isEqualTo(first.descriptor().output());
        assertThat(again.uploads().uploaded()).isEmpty();
    }

    @Test
    void uploadsOnlyTheClassesAndStageLayersAfterAOneClassChange() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("incremental"), 8080);
        build(project, "hover-test/incremental", "20261126T180200Z-cccccc");
        project.changeGreeting("Hello from the changed class");
        ImageBuildService.Built rebuilt = build(project, "hover-test/incremental", "20261126T180300Z-dddddd");

        OciLayout image = pull("hover-test/incremental:20261126T180300Z-dddddd");
        List<String> layers = image.layerDigests();
        String classes = layers.get(layers.size() - 3);
        String launcher = layers.get(layers.size() - 2);
        String stage = layers.get(layers.size() - 1);
        assertThat(image.files(classes)).contains("/var/task/app/classes/demo/Greeting.class");
        // the launcher's layer, after the classes, is not uploaded again
        assertThat(image.files(launcher)).containsExactly("/var/task/hover/bin/hover-launch");
        // the stage layer carries the packaged manifest, and with it the new build id
        assertThat(rebuilt.uploads().uploaded().keySet())
                .containsExactlyInAnyOrder(classes, stage, rebuilt.descriptor().output().imageId());
        assertThat(rebuilt.uploads().layerBytes(rebuilt.descriptor().output().imageId()))
                .isEqualTo(image.layerSize(classes) + image.layerSize(stage));
    }

    @Test
    void reportsJibsOwnProgressOncePerTenthOfTheWork() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("progress"), 8080);
        RecordingLog log = new RecordingLog();

        build(project, "hover-test/progress", "20261126T180500Z-eeeeee", log);

        assertThat(log.progress).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(log.progress.stream().map(percent -> percent / 10).distinct().count()).isEqualTo(log.progress.size());
        assertThat(log.progress.get(log.progress.size() - 1)).as("the push is done").isGreaterThanOrEqualTo(90);
    }

    private static ImageBuildService.Built build(SampleProject project, String repository, String buildId) {
        return build(project, repository, buildId, new RecordingLog());
    }

    private static ImageBuildService.Built build(SampleProject project, String repository, String buildId, RecordingLog log) {
        Path buildDirectory = project.directory.resolve("target/hover/staging");
        return new ImageBuildService(log).build(new ImageBuildService.Request(
                project.manifest(baseImage), project.manifestFile, project.files(runtime), buildDirectory,
                project.directory.resolve("target/hover/cache"), ImageBuildServiceTarTest.remembered(buildDirectory),
                id -> ImageTarget.registry(registry.hostPort() + "/" + repository + ":" + id, Optional.empty()),
                buildId, Instant.parse("2026-11-26T18:00:00Z"), Optional.empty(), Optional.of("0123abc"), true));
    }

    private static OciLayout pull(String repositoryAndTag) throws Exception {
        Path layout = Files.createTempDirectory(dir, "pulled");
        registry.skopeo("copy", registry.imageReference(repositoryAndTag), "oci:" + layout + ":pulled");
        return OciLayout.open(layout);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
