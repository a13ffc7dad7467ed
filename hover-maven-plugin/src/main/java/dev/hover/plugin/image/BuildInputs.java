package dev.hover.plugin.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fingerprint of everything a build is made from except its build id: the stage manifest, the
 * settled main class, every jar, class and resource (path, size and modification time, as make
 * and Jib judge files), the encrypted secrets, the asset directory, the labels' inputs. Two builds
 * with the same fingerprint make the same image and assets, so the second is the first again and
 * keeps its build id: nothing new to upload. A stage with an asset build command has none, since
 * what the command reads is unknown.
 */
final class BuildInputs {
    private BuildInputs() {
    }

    static Optional<String> fingerprint(ImageBuildService.Request request, String manifestSha256, String mainClass,
                                        Path secretsFile) {
        if (request.manifest().assets().buildCommand().isPresent()) {
            return Optional.empty();
        }
        StringBuilder inputs = new StringBuilder();
        line(inputs, "format", BuildDescriptor.FORMAT, "manifest", manifestSha256, "main", mainClass);
        line(inputs, "java", request.javaExecutable().orElse(""), "git", request.gitCommit().orElse(""));
        Stream.concat(request.application().runtime().stream(), request.application().dependencies().stream())
                .forEach(d -> line(inputs, "jar", d.key(), d.version(), d.snapshot(), file(d.file())));
        files(inputs, "app", request.application().classesDirectory());
        request.application().quarkus().ifPresent(quarkus -> files(inputs, "quarkus", quarkus.directory()));
        request.manifest().assets().directory()
                .ifPresent(directory -> files(inputs, "asset", request.application().projectDirectory().resolve(directory)));
        line(inputs, "secrets", Files.isRegularFile(secretsFile) ? sha256(read(secretsFile)) : "none");
        return Optional.of(sha256(inputs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void files(StringBuilder inputs, String kind, Path directory) {
        if (!Files.isDirectory(directory)) {
            line(inputs, kind, "none");
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                line(inputs, kind, directory.relativize(file), file(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static String file(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " missing";
        }
    }

    private static void line(StringBuilder inputs, Object... values) {
        inputs.append(String.join(" ", List.of(values).stream().map(String::valueOf).toList())).append('\n');
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
