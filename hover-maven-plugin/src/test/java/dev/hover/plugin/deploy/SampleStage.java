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

    static StageManifest manifest(int httpMemory, List<String> queueFunctions, List<String> deployCommands) {
        HttpFunction defaults = HttpFunction.defaults();
        HttpFunction http = new HttpFunction(httpMemory, defaults.timeout(), 1, defaults.concurrency(), List.of(),
                Optional.empty(), defaults.port(), defaults.readinessPath());
        Map<String, QueueFunction> queues = new LinkedHashMap<>();
        for (String fn : queueFunctions) {
            QueueFunction d = QueueFunction.defaults(fn);
            queues.put(fn, new QueueFunction(fn, d.memory(), d.timeout(), d.concurrency(), d.tries(), d.backoff(), List.of(fn)));
        }
        return new StageManifest("dev", NAME, Optional.of("shop-dev-profile"), "us-east-1", Map.of("APP_ENV", "dev"),
                Auth.NONE, Optional.empty(), deployCommands, JavaSettings.defaults(), http, CliFunction.defaults(), queues,
                new Assets(Optional.of("dist"), Optional.empty()), List.of());
    }

    static StageManifest manifest() {
        return manifest(1024, List.of("default", "mail"), List.of("db:migrate"));
    }

    /** Writes three assets (one fingerprinted) and a build descriptor for them. */
    static BuildDescriptor build(Path dir, String buildId) {
        Path assets = dir.resolve("assets");
        write(assets.resolve("app.3f9a2c1b.js"), "console.log('shop');");
        write(assets.resolve("css/site.css"), "body { color: teal; }");
        write(assets.resolve("favicon.ico"), "not really an icon");
        String prefix = "assets/" + buildId + "/";
        ImageSpec spec = new ImageSpec("public.ecr.aws/lambda/java:21", dev.hover.model.Architecture.X86_64,
                List.of("/var/lang/bin/java", "dev.hover.runtime.Bootstrap"), "/var/task", Map.of(), Map.of(), List.of());
        return new BuildDescriptor(BuildDescriptor.FORMAT, buildId, "dev", "2026-11-26T17:45:00Z", "ab".repeat(32), spec,
                new ImageOutput(ImageOutput.Kind.TAR, dir.resolve("image.tar").toString(), "sha256:" + "c".repeat(64), "sha256:" + "d".repeat(64)),
                new BuiltAssets(assets.toString(), prefix, "/assets/" + buildId, 3));
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
