package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Architecture;
import dev.hover.model.Assets;
import dev.hover.model.StageManifest;
import dev.hover.plugin.image.archive.ArchiveChoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OCI tar target, from a base image that is itself a tar: no registry, no network. */
class ImageBuildServiceTarTest {
    private static final String BUILD_ID = "20261126T174500Z-3f9a2c";

    @TempDir
    static Path dir;
    static SampleProject project;
    static String baseImage;
    static List<Dependency> runtime;

    @BeforeAll
    static void createProject() throws Exception {
        project = SampleProject.create(dir.resolve("project"), 8080);
        baseImage = TestImages.baseTar(Files.createDirectories(dir.resolve("base")));
        runtime = TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")));
    }

    @Test
    void writesAnOciTarWithTheLayoutEntryPointAndLabels() throws Exception {
        Path buildDirectory = dir.resolve("build-1");
        ImageBuildService.Built built = build(project.manifest(baseImage), buildDirectory);

        Path tar = buildDirectory.resolve("image.tar");
        assertThat(built.descriptor().output()).isEqualTo(new ImageOutput(ImageOutput.Kind.TAR,
                tar.toAbsolutePath().toString(), built.descriptor().output().digest(),
                built.descriptor().output().imageId()));
        OciLayout image = OciLayout.unpackTar(tar, dir.resolve("unpacked-1"));
        assertThat(image.manifestDigest).isEqualTo(built.descriptor().output().digest());
        JsonNode config = image.config.get("config");
        assertThat(image.config.get("architecture").asText()).isEqualTo("amd64");
        assertThat(image.config.get("os").asText()).isEqualTo("linux");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/var/task");
        assertThat(strings(config.get("Env"))).contains("PATH=/usr/bin:/bin", "LAMBDA_TASK_ROOT=/var/task",
                "HOVER_BUILD_ID=" + BUILD_ID, "PORT=8080");
        assertThat(config.get("Labels").get("dev.hover.stage").asText()).isEqualTo("staging");
        assertThat(config.get("Labels").get("dev.hover.build-id").asText()).isEqualTo(BUILD_ID);
        assertThat(config.get("Labels").get("org.opencontainers.image.revision").asText()).isEqualTo("0123abc");
        // the stage has secrets: the launcher decrypts them, then execs the JVM command
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertThat(entrypoint.subList(0, 12)).containsExactly("/var/task/hover/bin/hover-launch", "--name", "demo-staging",
                "--stage", "staging", "--secrets", "/var/task/hover/secrets.env", "--",
                "java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        assertThat(entrypoint.get(12)).isEqualTo("-cp");
        assertThat(entrypoint.get(13)).startsWith("/var/task/hover/runtime/")
                .contains(":/var/task/app/resources:/var/task/app/classes:/var/task/lib/release-lib-1.2.0.jar");
        assertThat(entrypoint.get(14)).isEqualTo("dev.hover.runtime.Bootstrap");
        assertThat(entrypoint).hasSize(15);

        List<List<String>> layers = image.filesByLayer(1);
        assertThat(layers).hasSize(7);
        assertThat(layers.get(0)).containsExactly("/var/task/lib/release-lib-1.2.0.jar");
        assertThat(layers.get(1)).containsExactly("/var/task/lib/snapshot-lib-0.3.0-SNAPSHOT.jar");
        assertThat(layers.get(2)).contains("/var/task/hover/runtime/hover-lambda-runtime-0.1.0-SNAPSHOT.jar");
        assertThat(layers.get(3)).containsExactly("/var/task/app/resources/application.properties");
        assertThat(layers.get(4)).containsExactly("/var/task/app/classes/demo/App.class",
                "/var/task/app/classes/demo/Greeting.class");
        assertThat(layers.get(5)).containsExactly("/var/task/hover/bin/hover-launch");
        assertThat(layers.get(6)).containsExactly("/var/task/hover/secrets.env", "/var/task/hover/stage.properties");
        // the launcher: the image's architecture's binary, executable by everyone, as Jib dates files
        String launcherLayer = image.layerDigests().get(6);
        assertThat(image.listing(launcherLayer)).anyMatch(line -> line.matches(
                "-rwxr-xr-x 0/0 +\\d+ 1970-01-01 00:00 var/task/hover/bin/hover-launch"));
        Path root = dir.resolve("rootfs-1");
        image.unpackLayers(root);
        try (InputStream binary = LauncherBinary.forArchitecture(Architecture.X86_64).open()) {
            assertThat(Files.readAllBytes(root.resolve("var/task/hover/bin/hover-launch"))).isEqualTo(binary.readAllBytes());
        }
        List<String> all = layers.stream().flatMap(List::stream).toList();
        assertThat(all).noneMatch(f -> f.contains("plain") || f.contains("AppTest") || f.contains("test-classes"));
    }

    @Test
    void packagesTheManifestWithBuildIdMainClassAndEnvironment() throws Exception {
        Path buildDirectory = dir.resolve("build-2");
        build(project.manifest(baseImage), buildDirectory);

        String packaged = Files.readString(buildDirectory.resolve("image/hover/stage.properties"));
        assertThat(packaged).contains("buildId=" + BUILD_ID + "\n", "mainClass=demo.App\n",
                "name=GREETING_SOURCE\n", "value=manifest\n");
        assertThat(buildDirectory.resolve("image/hover/secrets.env"))
                .hasSameTextualContentAs(project.directory.resolve(".hover/staging-secrets.env"));
    }

    @Test
    void givesTheSameDigestForTheSameInputs() throws Exception {
        ImageBuildService.Built first = build(project.manifest(baseImage), dir.resolve("build-3a"));
        ImageBuildService.Built second = build(project.manifest(baseImage), dir.resolve("build-3b"));

        assertThat(second.descriptor().output().digest()).isEqualTo(first.descriptor().output().digest());
        assertThat(second.descriptor().output().imageId()).isEqualTo(first.descriptor().output().imageId());
    }

    @Test
    void theLaunchersLayerIsTheSameBlobInEveryBuildAndNoStageWithoutSecretsHasIt() throws Exception {
        SampleProject other = SampleProject.create(dir.resolve("launcher-project"), 8080);
        ImageBuildService.Built first = build(project.manifest(baseImage), dir.resolve("build-13a"));
        other.changeGreeting("another application");
        ImageBuildService.Built second = build(other, other.manifest(baseImage), dir.resolve("build-13b"),
                "20261126T180000Z-000013");
        Files.delete(other.directory.resolve(".hover/staging-secrets.env"));
        ImageBuildService.Built withoutSecrets = build(other, other.manifest(baseImage), dir.resolve("build-13c"),
                "20261126T180100Z-000013");

        assertThat(second.descriptor().output().digest()).isNotEqualTo(first.descriptor().output().digest());
        assertThat(launcherLayerDigest(second, dir.resolve("unpacked-13b")))
                .isEqualTo(launcherLayerDigest(first, dir.resolve("unpacked-13a")));
        assertThat(withoutSecrets.descriptor().image().layers()).extracting(ImageSpec.Layer::name)
                .doesNotContain(LauncherLayer.NAME);
        assertThat(withoutSecrets.descriptor().image().entrypoint()).startsWith("java").endsWith("dev.hover.runtime.Bootstrap");
        // the binary is one of the build's inputs: a build of an older plugin, without it, is not this build again
        String launcherSha256;
        try (InputStream binary = LauncherBinary.forArchitecture(Architecture.X86_64).open()) {
            launcherSha256 = BuildInputs.sha256(binary.readAllBytes());
        }
        assertThat(BuildInputs.read(dir.resolve("build-13a").resolve(BuildInputs.FILE_NAME)).orElseThrow().inputs())
                .containsEntry("launcher x86_64", launcherSha256);
        assertThat(BuildInputs.read(dir.resolve("build-13c").resolve(BuildInputs.FILE_NAME)).orElseThrow().inputs())
                .doesNotContainKey("launcher x86_64");
    }

    /** The digest of the launcher's layer in the build's OCI tar: the one before the stage's. */
    private static String launcherLayerDigest(ImageBuildService.Built built, Path unpacked) throws IOException {
        List<String> layerNames = built.descriptor().image().layers().stream().map(ImageSpec.Layer::name).toList();
        assertThat(layerNames).endsWith(LauncherLayer.NAME, LayerPlanner.STAGE_LAYER);
        List<String> digests = OciLayout.unpackTar(Path.of(built.descriptor().output().location()), unpacked).layerDigests();
        return digests.get(digests.size() - 2);
    }

    @Test
    void isANewBuildOnlyWhenAnInputChanged() throws Exception {
        SampleProject changing = SampleProject.create(dir.resolve("changing"), 8080);
        Path buildDirectory = dir.resolve("build-12");
        StageManifest manifest = changing.manifest(baseImage);
        String first = build(changing, manifest, buildDirectory, "20261126T174500Z-000001").descriptor().buildId();
        String unchanged = build(changing, manifest, buildDirectory, "20261126T174600Z-000002").descriptor().buildId();
        changing.writeSecrets((byte) 1);
        String secretsChanged = build(changing, manifest, buildDirectory, "20261126T174700Z-000003").descriptor().buildId();
        Assets command = new Assets(Optional.empty(), Optional.of("true"));
        StageManifest withCommand = changing.manifest(baseImage, command, Optional.of("demo.App"));
        build(changing, withCommand, buildDirectory, "20261126T174800Z-000004");
        String afterCommand = build(changing, withCommand, buildDirectory, "20261126T174900Z-000005").descriptor().buildId();

        assertThat(List.of(first, unchanged, secretsChanged, afterCommand)).containsExactly(
                "20261126T174500Z-000001", "20261126T174500Z-000001", "20261126T174700Z-000003",
                "20261126T174900Z-000005");
        assertThat(Files.readString(buildDirectory.resolve("image/hover/stage.properties"))).contains("20261126T174900Z-000005");
    }

    @Test
    void keepsTheBuildIdAndTheImageAfterACleanBuildThatOnlyRestampedTheResources() throws Exception {
        SampleProject app = SampleProject.create(dir.resolve("restamped"), 8080);
        Path buildInfo = app.classes.resolve("META-INF/build-info.properties");
        Files.createDirectories(buildInfo.getParent());
        Files.writeString(buildInfo, "build.name=demo\nbuild.time=2026-11-26T17\\:45\\:00.000Z\n");
        Path buildDirectory = dir.resolve("build-restamped");
        StageManifest manifest = app.manifest(baseImage);
        ImageBuildService.Built first = build(app, manifest, buildDirectory, "20261126T174500Z-000001");

        // mvn clean package: target/hover gone, every file written again, build-info with a new build.time
        AssetCollector.deleteRecursively(buildDirectory);
        Files.writeString(buildInfo, "build.name=demo\nbuild.time=2026-11-26T17\\:50\\:00.000Z\n");
        touchAll(app.directory, Instant.now().plusSeconds(60));
        RecordingLog log = new RecordingLog();
        ImageBuildService.Built again = new ImageBuildService(log).build(
                request(app, manifest, buildDirectory, "20261126T175000Z-000002"));

        assertThat(again.descriptor().buildId()).isEqualTo("20261126T174500Z-000001");
        assertThat(again.descriptor().output().digest()).isEqualTo(first.descriptor().output().digest());
        assertThat(log.info).contains("Nothing changed since build 20261126T174500Z-000001: making it again under its id")
                .noneMatch(message -> message.startsWith("A new build"));
        // the image carries the build-info of the build it is
        Path root = dir.resolve("restamped-root");
        OciLayout.unpackTar(buildDirectory.resolve("image.tar"), dir.resolve("restamped-image")).unpackLayers(root);
        assertThat(root.resolve("var/task/app/resources/META-INF/build-info.properties")).content().contains("build.time=2026-11-26T17\\:45\\:00.000Z");
    }

    @Test
    void aOneByteChangeOfAResourceIsANewBuildWhateverItsTime() throws Exception {
        SampleProject app = SampleProject.create(dir.resolve("one-byte"), 8080);
        Path resource = app.classes.resolve("application.properties");
        Path buildDirectory = dir.resolve("build-one-byte");
        StageManifest manifest = app.manifest(baseImage);
        ImageBuildService.Built first = build(app, manifest, buildDirectory, "20261126T174500Z-000001");
        FileTime time = Files.getLastModifiedTime(resource);
        String content = Files.readString(resource);
        Files.writeString(resource, content.replace("resources", "resourcez"));
        Files.setLastModifiedTime(resource, time);
        RecordingLog log = new RecordingLog();

        ImageBuildService.Built changed = new ImageBuildService(log).build(
                request(app, manifest, buildDirectory, "20261126T175000Z-000002"));

        assertThat(changed.descriptor().buildId()).isEqualTo("20261126T175000Z-000002");
        assertThat(changed.descriptor().output().digest()).isNotEqualTo(first.descriptor().output().digest());
        assertThat(log.info).contains("A new build: target/classes/application.properties changed since build 20261126T174500Z-000001");
    }

    @Test
    void anotherClassDataArchiveChoiceIsANewBuildThatSaysSo() throws Exception {
        SampleProject app = SampleProject.create(dir.resolve("archive-choice"), 8080);
        Path buildDirectory = dir.resolve("build-archive-choice");
        StageManifest manifest = app.manifest(baseImage);
        build(app, manifest, buildDirectory, "20261126T174500Z-000001");
        ImageBuildService.Request sameInputs = request(app, manifest, buildDirectory, "20261126T175000Z-000002");
        RecordingLog log = new RecordingLog();

        ImageBuildService.Built without = new ImageBuildService(log).build(new ImageBuildService.Request(sameInputs.manifest(),
                sameInputs.manifestFile(), sameInputs.application(), sameInputs.buildDirectory(), sameInputs.cacheDirectory(),
                sameInputs.lastBuild(), sameInputs.target(), sameInputs.buildId(), sameInputs.createdAt(),
                sameInputs.javaExecutable(), sameInputs.gitCommit(), sameInputs.allowInsecureRegistries(), ArchiveChoice.NONE));

        assertThat(without.descriptor().buildId()).isEqualTo("20261126T175000Z-000002");
        assertThat(log.info).contains("A new build: hover.classDataArchive changed since build 20261126T174500Z-000001");
    }

    @Test
    void aRecordedBuildIsFreshUntilWhatGoesIntoTheImageChanges() throws Exception {
        SampleProject app = SampleProject.create(dir.resolve("fresh"), 8080);
        Path buildDirectory = dir.resolve("build-fresh");
        StageManifest manifest = app.manifest(baseImage);
        build(app, manifest, buildDirectory, "20261126T174500Z-000001");
        ImageBuildService service = new ImageBuildService(new RecordingLog());

        // newer times everywhere, Hover's own staged copies of the stage files included: nothing changed
        touchAll(app.directory, Instant.now().plusSeconds(60));
        assertThat(service.staleness(request(app, manifest, buildDirectory, "unused"))).isEmpty();

        app.changeGreeting("Hello again");
        assertThat(service.staleness(request(app, manifest, buildDirectory, "unused")))
                .contains("target/classes/demo/Greeting.class changed since build 20261126T174500Z-000001");
        app.changeGreeting("Hello from the sample app");
        app.writeSecrets((byte) 2);
        assertThat(service.staleness(request(app, manifest, buildDirectory, "unused")))
                .contains(".hover/staging-secrets.env changed since build 20261126T174500Z-000001");
        app.writeSecrets((byte) 0);
        Files.delete(buildDirectory.resolve("image.tar"));
        assertThat(service.staleness(request(app, manifest, buildDirectory, "unused")))
                .contains("the image of build 20261126T174500Z-000001 is gone");
    }

    @Test
    void isANewBuildWhenTheBaseImageChangedUnderTheSameName() throws Exception {
        SampleProject rebased = SampleProject.create(dir.resolve("rebased"), 8080);
        Path baseDirectory = Files.createDirectories(dir.resolve("moving-base"));
        String movingBase = TestImages.baseTar(baseDirectory, "the base as it was\n");
        Path buildDirectory = dir.resolve("build-13");
        build(rebased, rebased.manifest(movingBase), buildDirectory, "20261126T175000Z-000001");
        TestImages.baseTar(baseDirectory, "the base after a security update\n");

        ImageBuildService.Built rebuilt = build(rebased, rebased.manifest(movingBase), buildDirectory,
                "20261126T175100Z-000002");

        assertThat(rebuilt.descriptor().buildId()).isEqualTo("20261126T175100Z-000002");
    }

    @Test
    void recordsTheBuildForDeploy() throws Exception {
        Path buildDirectory = dir.resolve("build-4");
        ImageBuildService.Built built = build(project.manifest(baseImage), buildDirectory);

        BuildDescriptor descriptor = BuildDescriptorCodec.read(buildDirectory.resolve("build.json"));
        assertThat(descriptor).isEqualTo(built.descriptor());
        assertThat(descriptor.buildId()).isEqualTo(BUILD_ID);
        assertThat(descriptor.manifestSha256()).hasSize(64);
        assertThat(descriptor.image().baseImage()).isEqualTo(baseImage);
        assertThat(descriptor.assets()).isEqualTo(
                new BuiltAssets(null, "assets/" + BUILD_ID + "/", "/assets/" + BUILD_ID, 0));
    }

    @Test
    void runsTheAssetCommandWithTheAssetUrlAndCollectsTheDirectory() throws Exception {
        Assets assets = new Assets(Optional.of("public/build"), Optional.of(
                "mkdir -p public/build/css && echo \"body{background:url($ASSET_URL/bg.png)}\" > public/build/css/app.css"));
        Path buildDirectory = dir.resolve("build-5");

        ImageBuildService.Built built = build(project.manifest(baseImage, assets, Optional.of("demo.App")), buildDirectory);

        assertThat(buildDirectory.resolve("assets/css/app.css"))
                .hasContent("body{background:url(/assets/" + BUILD_ID + "/bg.png)}");
        assertThat(built.descriptor().assets()).isEqualTo(new BuiltAssets(
                buildDirectory.resolve("assets").toAbsolutePath().toString(), "assets/" + BUILD_ID + "/",
                "/assets/" + BUILD_ID, 1));
    }

    @Test
    void failsWhenTheConfiguredAssetDirectoryIsMissing() {
        Assets assets = new Assets(Optional.of("public/missing"), Optional.empty());

        assertThatThrownBy(() -> build(project.manifest(baseImage, assets, Optional.of("demo.App")), dir.resolve("build-6")))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("assets.directory 'public/missing' in " + project.manifestFile + " is not a directory")
                .hasMessageContaining("perhaps you should check the path");
    }

    @Test
    void failsWhenTheAssetCommandFails() {
        Assets assets = new Assets(Optional.empty(), Optional.of("echo building; exit 3"));

        assertThatThrownBy(() -> build(project.manifest(baseImage, assets, Optional.of("demo.App")), dir.resolve("build-7")))
                .hasMessageContaining("assets.build-command 'echo building; exit 3' of " + project.manifestFile
                        + " exited with 3; perhaps you should run it yourself");
    }

    @Test
    void failsWhenASecretHasTheNameOfAnEnvironmentVariable() {
        StageManifest m = project.manifest(baseImage);
        StageManifest clashing = new StageManifest(m.stage(), m.name(), m.awsProfile(), m.region(),
                Map.of("API_KEY", "plain", "APP_ENV", "staging"), m.auth(), m.vpc(), m.deployCommands(), m.java(), m.http(),
                m.cli(), m.queues(), m.assets(), m.schedule());

        assertThatThrownBy(() -> build(clashing, dir.resolve("build-11")))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("API_KEY is set both in the environment of " + project.manifestFile + " and in the secrets of stage "
                        + "staging (.hover/staging-secrets.env): a secret overrides nothing; remove one of them");
    }

    @Test
    void findsTheOnlyMainClassWhenNoneIsConfigured() throws Exception {
        Path buildDirectory = dir.resolve("build-8");
        build(project.manifest(baseImage, Assets.NONE, Optional.empty()), buildDirectory);

        assertThat(Files.readString(buildDirectory.resolve("image/hover/stage.properties"))).contains("mainClass=demo.App");
    }

    @Test
    void explainsWhenThereIsNoMainClass() throws Exception {
        SampleProject library = SampleProject.create(dir.resolve("library"), 8080);
        Files.delete(library.classes.resolve("demo/App.class"));

        assertThatThrownBy(() -> new ImageBuildService(new RecordingLog()).build(request(library,
                library.manifest(baseImage, Assets.NONE, Optional.empty()), dir.resolve("build-9"))))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("No main class found")
                .hasMessageContaining("perhaps you should set java.main-class in " + library.manifestFile);
    }

    @Test
    void explainsWhenTheBaseImageCannotBeReached() {
        StageManifest manifest = project.manifest("127.0.0.1:9/hover-test/nothing-here:1");

        assertThatThrownBy(() -> build(manifest, dir.resolve("build-10")))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("The base image 127.0.0.1:9/hover-test/nothing-here:1 could not be reached")
                .hasMessageContaining("perhaps you should check java.base-image");
    }

    private static ImageBuildService.Built build(StageManifest manifest, Path buildDirectory) {
        return new ImageBuildService(new RecordingLog()).build(request(project, manifest, buildDirectory));
    }

    private static ImageBuildService.Built build(SampleProject project, StageManifest manifest, Path buildDirectory,
                                                 String buildId) {
        return new ImageBuildService(new RecordingLog()).build(request(project, manifest, buildDirectory, buildId));
    }

    private static ImageBuildService.Request request(SampleProject project, StageManifest manifest, Path buildDirectory) {
        return request(project, manifest, buildDirectory, BUILD_ID);
    }

    private static ImageBuildService.Request request(SampleProject project, StageManifest manifest, Path buildDirectory,
                                                     String buildId) {
        return new ImageBuildService.Request(manifest, project.manifestFile, project.files(runtime), buildDirectory,
                dir.resolve("cache"), remembered(buildDirectory),
                id -> ImageTarget.tar(buildDirectory.resolve("image.tar"), "demo-staging:" + id),
                buildId, Instant.parse("2026-11-26T17:45:00Z"), Optional.empty(), Optional.of("0123abc"), true);
    }

    private static void touchAll(Path directory, Instant time) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(time));
            }
        }
    }

    /** Where the last build of the project built into this build directory is remembered. */
    static LastBuild remembered(Path buildDirectory) {
        return new LastBuild(buildDirectory.resolveSibling(buildDirectory.getFileName() + "-remembered"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
