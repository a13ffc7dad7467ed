package dev.hover.plugin.image.archive;

import dev.hover.plugin.image.ImageLayout;
import dev.hover.plugin.image.ImageSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The application's resources and classes as two jars instead of two directories: the JVM's
 * class-data archive takes classes from jars only, and refuses a class path with a non-empty
 * directory before its last archived jar. Each jar keeps its directory's files in the same layer
 * and the same place on the class path. The jars are reproducible: entries sorted, directory
 * entries included (a {@code classpath*:} scan looks them up), stored without compression (the
 * layer is compressed; the JVM reads a stored entry without inflating it) and dated 2000-01-01
 * in local time whatever the build's time zone.
 */
final class ApplicationJars {
    /** The layer of each directory, by the directory's place in the image. */
    static final Map<String, String> LAYERS = Map.of(ImageLayout.RESOURCES, "resources", ImageLayout.CLASSES, "classes");
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ApplicationJars() {
    }

    /** The jar that replaces the directory at {@code directory} in the image. */
    static String jarOf(String directory) {
        return directory + ".jar";
    }

    /**
     * Writes the entries of a directory's layer, all below {@code directory} in the image, as one jar.
     */
    static void write(String directory, List<ImageSpec.Entry> entries, Path jar) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (ImageSpec.Entry entry : entries) {
            String name = entry.target().substring(directory.length() + 1);
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                files.putIfAbsent(name.substring(0, slash + 1), null);
            }
            files.put(name, Path.of(entry.source()));
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                byte[] content = file.getValue() == null ? new byte[0] : Files.readAllBytes(file.getValue());
                ZipEntry zipEntry = new ZipEntry(file.getKey());
                CRC32 crc = new CRC32();
                crc.update(content);
                zipEntry.setCrc(crc.getValue());
                zipEntry.setSize(content.length);
                zipEntry.setCompressedSize(content.length);
                zipEntry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        }
    }
}
