package dev.hover.plugin.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.image.AssetCollector;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The base image's file system unpacked on the build host, from a tar in {@code docker save}'s
 * format (what Jib writes for a tar target): its layers lowest first with their whiteouts, as a
 * container runtime would. Absolute symbolic links are made to point inside the root, so that the
 * image's {@code /usr/bin/java → /etc/alternatives/java → …} resolves to the image's files and
 * never to the host's. Devices and FIFOs are left out.
 *
 * @param root        the unpacked file system
 * @param environment the image's own environment ({@code Env} of its configuration), which the
 *                    functions' JVM starts with too
 */
record BaseImageRoot(Path root, Map<String, String> environment) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Beside the unpacked files: the image's environment, one {@code NAME=value} a line. */
    private static final String ENVIRONMENT_FILE = ".hover-environment";

    /** Unpacks {@code imageTar} into {@code root}, which must not exist yet. */
    static BaseImageRoot unpack(Path imageTar, Path root) throws IOException {
        Path layout = Files.createTempDirectory(root.getParent(), "image-");
        try {
            untar(Files.newInputStream(imageTar), layout, false);
            JsonNode manifest = JSON.readTree(layout.resolve("manifest.json").toFile()).get(0);
            Path unpacking = Files.createTempDirectory(root.getParent(), "root-");
            for (JsonNode layer : manifest.get("Layers")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(layout.resolve(layer.asText())), 1 << 16)) {
                    untar(in, unpacking, true);
                }
            }
            List<String> environment = new ArrayList<>();
            JSON.readTree(layout.resolve(manifest.get("Config").asText()).toFile()).path("config").path("Env")
                    .forEach(variable -> environment.add(variable.asText()));
            Files.write(unpacking.resolve(ENVIRONMENT_FILE), environment);
            Files.move(unpacking, root, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            AssetCollector.deleteRecursively(layout);
        }
        return open(root);
    }

    /** A root unpacked before. */
    static BaseImageRoot open(Path root) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : Files.readAllLines(root.resolve(ENVIRONMENT_FILE))) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                environment.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        return new BaseImageRoot(root, environment);
    }

    /** The image's {@code PATH}, for a {@code java} run through it. */
    List<String> path() {
        return List.of(environment.getOrDefault("PATH", DEFAULT_PATH).split(":"));
    }

    /**
     * Where on the host the image's {@code java} is: an absolute path in the image, or {@code java}
     * looked up on the image's {@code PATH}; empty when the image has none.
     */
    Optional<Path> java(String inImage) {
        List<String> candidates = inImage.startsWith("/") ? List.of(inImage)
                : path().stream().filter(directory -> directory.startsWith("/")).map(directory -> directory + "/" + inImage).toList();
        for (String candidate : candidates) {
            Path file = root.resolve(candidate.substring(1));
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** @param layer whether whiteouts apply and links are made to stay inside {@code into} */
    private static void untar(InputStream stream, Path into, boolean layer) throws IOException {
        List<Runnable> late = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = inside(into, entry.getName());
                String name = target.getFileName() == null ? "" : target.getFileName().toString();
                if (layer && name.equals(OPAQUE)) {
                    clear(target.getParent());
                } else if (layer && name.startsWith(WHITEOUT)) {
                    AssetCollector.deleteRecursively(target.resolveSibling(name.substring(WHITEOUT.length())));
                } else if (entry.isDirectory()) {
                    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        replaceable(target);
                        Files.createDirectories(target);
                    }
                } else if (entry.isSymbolicLink()) {
                    replaceable(target);
                    String link = entry.getLinkName();
                    Files.createSymbolicLink(target, link.startsWith("/") ? into.resolve(link.substring(1)) : Path.of(link));
                } else if (entry.isLink()) {
                    Path source = inside(into, entry.getLinkName());
                    late.add(() -> copyLink(source, target));
                } else if (entry.isFile()) {
                    replaceable(target);
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0111) != 0) {
                        Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
                    }
                }
            }
        }
        late.forEach(Runnable::run);
    }

    private static void copyLink(Path source, Path target) {
        try {
            replaceable(target);
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            // a hard link to what the layer does not have: the file is left out, as a device is
        }
    }

    /** The entry's place under {@code root}; a name that climbs out of it is refused. */
    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("The image has an entry outside its root: " + name);
        }
        return target;
    }

    private static void replaceable(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        AssetCollector.deleteRecursively(target);
    }

    private static void clear(Path directory) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(directory)) {
                children.forEach(AssetCollector::deleteRecursively);
            }
        }
    }
}
