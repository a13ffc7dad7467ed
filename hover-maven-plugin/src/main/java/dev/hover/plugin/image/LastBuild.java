package dev.hover.plugin.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The last build of a stage of a project, remembered outside {@code target/} so that
 * {@code mvn clean} does not forget it: its descriptor, its inputs, and the stamped resources
 * ({@link BuildStamps}) as they went into its image. A build whose inputs are the last build's
 * makes that build again, stamped resources included, so that it is the same image.
 *
 * @param directory where it is kept, one per project and stage
 */
public record LastBuild(Path directory) {
    private static final String STAMPED = "stamped";

    /** The record of a project's stage under {@code builds}: a directory named by a hash of both. */
    public static LastBuild of(Path builds, Path projectDirectory, String stage) {
        String key = projectDirectory.toAbsolutePath().normalize() + "\n" + stage;
        return new LastBuild(builds.resolve(BuildInputs.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 32)));
    }

    /** The build remembered here, if any (and readable: a damaged record is no record). */
    Optional<Remembered> read() {
        try {
            Optional<BuildInputs> inputs = BuildInputs.read(directory.resolve(BuildInputs.FILE_NAME));
            if (inputs.isEmpty() || !Files.isRegularFile(directory.resolve(BuildDescriptor.FILE_NAME))) {
                return Optional.empty();
            }
            return Optional.of(new Remembered(BuildDescriptorCodec.read(directory.resolve(BuildDescriptor.FILE_NAME)),
                    inputs.get(), stampedFiles()));
        } catch (ImageBuildException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers a build. The stamped resources are copied, unless they are the remembered ones
     * already (a build made again).
     *
     * @param stamped the stamped resources that went into its image, keyed by their path in the image
     */
    void remember(BuildDescriptor descriptor, BuildInputs inputs, Map<String, Path> stamped) {
        try {
            Path copies = directory.resolve(STAMPED);
            Path staging = directory.resolve(STAMPED + ".new");
            AssetCollector.deleteRecursively(staging);
            Files.createDirectories(staging);
            for (Map.Entry<String, Path> file : stamped.entrySet()) {
                Path copy = staging.resolve(file.getKey().substring(1));
                Files.createDirectories(copy.getParent());
                Files.copy(file.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
            }
            AssetCollector.deleteRecursively(copies);
            Files.move(staging, copies);
            BuildDescriptorCodec.write(descriptor, directory.resolve(BuildDescriptor.FILE_NAME));
            inputs.write(directory.resolve(BuildInputs.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember build " + descriptor.buildId() + " in " + directory, e);
        }
    }

    private Map<String, Path> stampedFiles() {
        Path copies = directory.resolve(STAMPED);
        Map<String, Path> files = new LinkedHashMap<>();
        if (!Files.isDirectory(copies)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(copies)) {
            walk.filter(Files::isRegularFile).sorted()
                    .forEach(file -> files.put("/" + copies.relativize(file).toString().replace('\\', '/'), file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + copies, e);
        }
        return files;
    }

    /**
     * @param stamped the stamped resources of its image, keyed by their path in the image
     */
    record Remembered(BuildDescriptor descriptor, BuildInputs inputs, Map<String, Path> stamped) {
    }
}
