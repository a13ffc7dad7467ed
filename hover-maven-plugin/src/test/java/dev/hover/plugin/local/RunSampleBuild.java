package dev.hover.plugin.local;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.ApplicationFiles;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuildLog;
import dev.hover.plugin.image.ImageBuildService;
import dev.hover.plugin.image.ImageTarget;
import dev.hover.plugin.image.LastBuild;
import dev.hover.plugin.image.TestImages;
import dev.hover.plugin.image.TestRuntime;
import dev.hover.plugin.local.sample.RunSampleApp;
import dev.hover.plugin.stage.StageSession;
import dev.hover.secrets.EncryptedSecretsFile;
import dev.hover.secrets.StageBinding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A project whose application is {@link RunSampleApp} (its classes copied from this module's test
 * classes), built by {@code hover:build}'s service into an OCI tar, as {@code mvn package} leaves it
 * for {@code hover:run}: a stage {@code local} with a queue function, a schedule entry, an asset and a
 * secret (encrypted in the image, plain beside it as {@code hover:secret-decrypt} writes it).
 */
final class RunSampleBuild {
    static final String STAGE = "local";
    static final String BUILD_ID = "20261201T220000Z-5a3b1c";

    final Path project;
    final StageManifest manifest;
    final BuildDescriptor descriptor;

    private RunSampleBuild(Path project, StageManifest manifest, BuildDescriptor descriptor) {
        this.project = project;
        this.manifest = manifest;
        this.descriptor = descriptor;
    }

    static RunSampleBuild build(Path directory) throws Exception {
        Path project = Files.createDirectories(directory.resolve("project"));
        // the port of the image run under aws-lambda-rie; hover:run gives each function one of its own
        int appPort = FreePort.pick();
        Path hover = Files.createDirectories(project.resolve(".hover"));
        Files.writeString(hover.resolve(STAGE + ".yml"), """
                name: shop-local
                region: eu-west-1
                environment:
                  GREETING: hello from the manifest
                java:
                  base-image: %s
                  main-class: %s
                http:
                  port: %d
                  timeout: 10
                cli:
                  timeout: 20
                queue:
                  charges:
                    timeout: 10
                    tries: 2
                    backoff: 1
                assets:
                  directory: public
                schedule:
                  - cron: "1 6 * * *"
                    command: greet the morning
                """.formatted(TestImages.baseTar(Files.createDirectories(directory.resolve("base"))),
                RunSampleApp.class.getName(), appPort));
        Files.writeString(hover.resolve(STAGE + "-secrets.env"), new EncryptedSecretsFile(
                new StageBinding("shop-local", STAGE), "arn:aws:kms:eu-west-1:123456789012:key/local", List.of("API_KEY"),
                new byte[64], new byte[12], new byte[48]).render());
        Files.writeString(hover.resolve(STAGE + "-secrets.plain.env"), "API_KEY=local-secret\n");
        Files.createDirectories(project.resolve("public/css"));
        Files.writeString(project.resolve("public/css/app.css"), "body { color: teal; }\n");
        Path classes = copySampleClasses(project.resolve("target/classes"));

        StageManifest manifest = StageSession.readManifest(project, STAGE, warning -> { });
        Path build = project.resolve("target/hover/" + STAGE);
        Path tar = build.resolve("image.tar");
        BuildDescriptor descriptor = new ImageBuildService(new QuietLog()).build(new ImageBuildService.Request(
                manifest, hover.resolve(STAGE + ".yml"),
                new ApplicationFiles(project, classes, List.of(),
                        TestRuntime.dependencies(Files.createDirectories(directory.resolve("runtime"))), Optional.empty()),
                build, directory.resolve("cache"), new LastBuild(directory.resolve("last-build")),
                id -> ImageTarget.tar(tar, "shop-local:" + id), BUILD_ID, Instant.now(), Optional.empty(), Optional.empty(),
                false)).descriptor();
        return new RunSampleBuild(project, manifest, descriptor);
    }

    private static Path copySampleClasses(Path classes) throws Exception {
        String packagePath = RunSampleApp.class.getPackageName().replace('.', '/');
        Path compiled = Path.of(RunSampleApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(packagePath);
        Path target = Files.createDirectories(classes.resolve(packagePath));
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return classes;
    }

    /** The laid-out images' links, before JUnit deletes the directory (it warns about each link). */
    static void removeLinks(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    private static final class QuietLog implements BuildLog {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void progress(int percent) {
        }
    }
}
