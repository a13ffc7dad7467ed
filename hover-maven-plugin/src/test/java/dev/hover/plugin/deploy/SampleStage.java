package dev.hover.plugin.deploy;

import dev.hover.model.Assets;
import dev.hover.model.Auth;
import dev.hover.model.CliFunction;
import dev.hover.model.HttpFunction;
import dev.hover.model.JavaSettings;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuiltAssets;
import dev.hover.plugin.image.ImageOutput;
import dev.hover.plugin.image.ImageSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stage the deploy tests release: http, cli and two queue functions, three assets. */
final class SampleStage {
    static final String NAME = "shop-dev";

    private SampleStage() {
    }

    /** The stage, pushing its image to {@code repository} when given (else to the stage's ECR repository). */
    static StageManifest manifest(int httpMemory, List<String> queueFunctions, List<String> deployCommands,
                                  Optional<String> repository) {
        HttpFunction defaults = HttpFunction.defaults();
        HttpFunction http = new HttpFunction(httpMemory, defaults.timeout(), 1, defaults.concurrency(), List.of(),
                Optional.empty(), defaults.port(), defaults.readinessPath());
        Map<String, QueueFunction> queues = new LinkedHashMap<>();
        for (String fn : queueFunctions) {
            QueueFunction d = QueueFunction.defaults(fn);
            queues.put(fn, new QueueFunction(fn, d.memory(), d.timeout(), d.concurrency(), d.tries(), d.backoff(), List.of(fn)));
        }
        return new StageManifest("dev", NAME, Optional.of("shop-dev-profile"), "us-east-1", Map.of("APP_ENV", "dev"),
                Auth.NONE, Optional.empty(), deployCommands, java(repository), http, CliFunction.defaults(), queues,
                new Assets(Optional.of("dist"), Optional.empty()), List.of());
    }

    static StageManifest manifest(int httpMemory, List<String> queueFunctions, List<String> deployCommands) {
        return manifest(httpMemory, queueFunctions, deployCommands, Optional.of(MotoDeployTest.repository()));
    }

    static StageManifest manifest() {
        return manifest(1024, List.of("default", "mail"), List.of("db:migrate"));
    }

    static StageManifest withStackRole(StageManifest m, String roleArn) {
        return new StageManifest(m.stage(), m.name(), m.awsProfile(), m.region(), m.environment(),
                new Auth(Optional.of(roleArn), Optional.empty()), m.vpc(), m.deployCommands(), m.java(), m.http(), m.cli(),
                m.queues(), m.assets(), m.schedule());
    }

    private static JavaSettings java(Optional<String> repository) {
        JavaSettings d = JavaSettings.defaults();
        return new JavaSettings(d.baseImage(), d.architecture(), d.jvmOptions(), d.mainClass(), repository);
    }

    /**
     * Writes three assets (one fingerprinted), one class file for the image's layer, and a build
     * descriptor for them on {@code baseImage}.
     */
    static BuildDescriptor build(Path dir, String buildId, String baseImage) {
        return build(dir, buildId, baseImage, null);
    }

    /** @param inputsFingerprint what the build was made from; null: a build that cannot be repeated */
    static BuildDescriptor build(Path dir, String buildId, String baseImage, String inputsFingerprint) {
        Path assets = dir.resolve("assets");
        write(assets.resolve("app.3f9a2c1b.js"), "console.log('shop');");
        write(assets.resolve("css/site.css"), "body { color: teal; }");
        write(assets.resolve("favicon.ico"), "not really an icon");
        Path classFile = dir.resolve("classes/demo/App.class");
        // unique to the test: the shared registry must not have this layer from another test already
        write(classFile, "not really a class, from " + dir);
        ImageSpec spec = new ImageSpec(baseImage, dev.hover.model.Architecture.X86_64,
                List.of("java", "dev.hover.runtime.Bootstrap"), "/var/task", Map.of(), Map.of(),
                List.of(new ImageSpec.Layer("classes", List.of(new ImageSpec.Entry(classFile.toString(),
                        "/var/task/app/classes/demo/App.class")))));
        return new BuildDescriptor(BuildDescriptor.FORMAT, buildId, "dev", "2026-11-26T17:45:00Z", "ab".repeat(32), spec,
                new ImageOutput(ImageOutput.Kind.TAR, dir.resolve("image.tar").toString(), "sha256:" + "c".repeat(64),
                        "sha256:" + "d".repeat(64)),
                new BuiltAssets(assets.toString(), "assets/" + buildId + "/", "/assets/" + buildId, 3), inputsFingerprint);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
