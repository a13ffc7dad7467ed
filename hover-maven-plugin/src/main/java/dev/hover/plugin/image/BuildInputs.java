package dev.hover.plugin.image;

import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a build is made from except its build id, by content: the stage manifest, the settled
 * main class, every jar, class and resource, the encrypted secrets (and then the launcher's
 * binary), the asset files, the labels' inputs. Each input is a name (a path relative to the
 * project, or a library's coordinates) and the SHA-256 of its content ({@link BuildStamps} leaves
 * build stamps out); file times play no part.
 * Two builds with the same inputs make the same image and assets, so the second is the first again
 * and keeps its build id. The names say which input changed.
 *
 * @param inputs   input name to its value, in a fixed order
 * @param reusable false for a stage with an asset build command: what the command reads is unknown
 *                 and its output may embed the build id, so each build is a new one
 */
public record BuildInputs(Map<String, String> inputs, boolean reusable) {
    static final String FILE_NAME = "inputs.tsv";

    public BuildInputs {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    static BuildInputs of(ImageBuildService.Request request, String manifestSha256, String mainClass, Path secretsFile) {
        Path project = request.application().projectDirectory();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("format", String.valueOf(BuildDescriptor.FORMAT));
        inputs.put(name(project, request.manifestFile()), manifestSha256);
        inputs.put("main class", mainClass);
        inputs.put("java executable", request.javaExecutable().orElse(""));
        inputs.put("git commit", request.gitCommit().orElse(""));
        // another choice is another image, and not because the base image moved
        inputs.put("hover.classDataArchive", request.classDataArchive().value());
        request.application().runtime().forEach(d -> inputs.put("runtime " + d.key(), jar(d)));
        request.application().dependencies().forEach(d -> inputs.put("library " + d.key(), jar(d)));
        files(inputs, project, request.application().classesDirectory());
        request.application().quarkus().ifPresent(quarkus -> files(inputs, project, quarkus.directory()));
        request.manifest().assets().directory().ifPresent(directory -> files(inputs, project, project.resolve(directory)));
        if (Files.isRegularFile(secretsFile)) {
            inputs.put(name(project, secretsFile), sha256(secretsFile));
            // the image then has the launcher, which comes with the plugin rather than the project
            Architecture architecture = request.manifest().java().architecture();
            inputs.put("launcher " + architecture.lambdaName(), sha256(LauncherBinary.forArchitecture(architecture)));
        }
        return new BuildInputs(inputs, request.manifest().assets().buildCommand().isEmpty());
    }

    /** The SHA-256 of all inputs: equal fingerprints, the same build. */
    public String fingerprint() {
        return sha256(lines().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What differs from the inputs of an earlier build, as a message: the first input that changed,
     * appeared or went away, e.g. {@code target/classes/application.properties changed since build B}.
     */
    public Optional<String> changeSince(BuildInputs earlier, String earlierBuildId) {
        String since = " since build " + earlierBuildId;
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            String before = earlier.inputs.get(input.getKey());
            if (before == null) {
                return Optional.of(input.getKey() + " is new" + since);
            }
            if (!before.equals(input.getValue())) {
                return Optional.of(input.getKey() + " changed" + since);
            }
        }
        return earlier.inputs.keySet().stream().filter(name -> !inputs.containsKey(name)).findFirst()
                .map(name -> name + " is gone" + since);
    }

    /** One line per input, name and value separated by a tab; the first line says whether it is reusable. */
    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "reusable\t" + reusable + "\n" + lines());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The inputs {@link #write} wrote, if the file is there and readable. */
    static Optional<BuildInputs> read(Path file) {
        try {
            Map<String, String> inputs = new LinkedHashMap<>();
            boolean reusable = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    return Optional.empty();
                }
                if (line.startsWith("reusable\t")) {
                    reusable = Boolean.parseBoolean(line.substring(tab + 1));
                } else {
                    inputs.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return Optional.of(new BuildInputs(inputs, reusable));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private String lines() {
        return inputs.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue() + "\n").collect(Collectors.joining());
    }

    private static String jar(Dependency dependency) {
        return dependency.version() + (dependency.snapshot() ? " snapshot " : " ") + sha256(dependency.file());
    }

    private static void files(Map<String, String> inputs, Path project, Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                inputs.put(name(project, file), BuildStamps.contentHash(file, relative));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** A path relative to the project when it is inside it: the same project elsewhere has the same inputs. */
    private static String name(Path project, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = project.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private static String sha256(LauncherBinary launcher) {
        try (InputStream in = launcher.open()) {
            return sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + launcher, e);
        }
    }

    private static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
