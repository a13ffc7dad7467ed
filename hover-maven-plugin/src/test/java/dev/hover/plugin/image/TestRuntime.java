package dev.hover.plugin.image;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The Hover runtime and its dependencies as the plugin would resolve them, taken from this test
 * JVM's class path (the plugin depends on the runtime): the reactor's {@code hover-lambda-runtime}
 * and {@code hover-model} outputs, jarred when they are class directories, and the jars of the
 * runtime's dependency tree (the AWS SDK, Jackson core, Reactive Streams, SLF4J).
 */
public final class TestRuntime {
    private static final List<String> RUNTIME_LIBRARIES = List.of(
            "/software/amazon/", "/org/reactivestreams/", "/org/slf4j/", "/com/fasterxml/jackson/core/jackson-core/");

    private TestRuntime() {
    }

    public static List<Dependency> dependencies(Path scratch) {
        List<Dependency> runtime = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String unix = path.toAbsolutePath().toString().replace('\\', '/');
            if (unix.contains("/hover-lambda-runtime/target/") || unix.contains("/hover-model/target/")) {
                String artifactId = unix.contains("/hover-lambda-runtime/") ? "hover-lambda-runtime" : "hover-model";
                Path jar = Files.isDirectory(path) ? jar(path, scratch.resolve(artifactId + "-0.1.0-SNAPSHOT.jar")) : path;
                runtime.add(new Dependency("dev.hover", artifactId, "0.1.0-SNAPSHOT", true, jar));
            } else if (RUNTIME_LIBRARIES.stream().anyMatch(unix::contains) && unix.endsWith(".jar")) {
                Path versionDirectory = path.getParent();
                runtime.add(new Dependency(versionDirectory.getParent().getParent().getFileName().toString(),
                        versionDirectory.getParent().getFileName().toString(),
                        versionDirectory.getFileName().toString(), false, path));
            }
        }
        if (runtime.stream().noneMatch(d -> d.artifactId().equals("hover-lambda-runtime"))) {
            throw new IllegalStateException("hover-lambda-runtime is not on the test class path");
        }
        return runtime;
    }

    private static Path jar(Path directory, Path jar) {
        if (Files.exists(jar)) {
            return jar;
        }
        try (Stream<Path> walk = Files.walk(directory);
             OutputStream out = Files.newOutputStream(jar);
             JarOutputStream stream = new JarOutputStream(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(directory.relativize(file).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FileTime.fromMillis(0));
                stream.putNextEntry(entry);
                Files.copy(file, stream);
                stream.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
