package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Base images for tests, which reach no public registry: built from scratch with one small layer
 * (the JVM comes from the test machine when the image is run), or with this machine's JVM as the
 * image's own ({@link #baseTarWithJvm}).
 */
public final class TestImages {
    static final String BASE_MARKER = "/etc/hover-test-base";
    /** Where {@link #baseTarWithJvm} has its JVM, as eclipse-temurin images have theirs. */
    static final String JAVA_HOME = "/opt/java/openjdk";
    static final String JAVA = JAVA_HOME + "/bin/java";

    private TestImages() {
    }

    /**
     * Writes a base image as a tar and returns it as a {@code tar://} base image reference. Jib reads
     * a base tar in {@code docker save}'s format only.
     */
    public static String baseTar(Path directory) throws Exception {
        return baseTar(directory, "a base image for tests\n");
    }

    /** A base tar whose one file holds {@code content}: another content, another base image. */
    static String baseTar(Path directory, String content) throws Exception {
        Path tar = directory.resolve("base.tar");
        containerizeBase(directory, content, ImageFormat.Docker,
                Containerizer.to(TarImage.at(tar).named("hover-test/base:1")));
        return Jib.TAR_IMAGE_PREFIX + tar;
    }

    /**
     * A base tar with a JVM where {@link #JAVA} says: a small runtime image of this machine's JDK
     * (jlink, with its default class-data archive), made once per build of this module into
     * {@code target/} and then reused, since it takes a while.
     */
    static String baseTarWithJvm(Path directory) throws Exception {
        return baseTarWithJvm(directory, Path.of(System.getProperty("java.home")));
    }

    /** The same with a runtime image of another JDK, e.g. a Java 25 for the AOT cache. */
    static String baseTarWithJvm(Path directory, Path jdkHome) throws Exception {
        return baseTarWithJvm(directory, jdkHome, java.util.Map.of());
    }

    /** @param environment more of the image's environment than its {@code PATH} */
    static String baseTarWithJvm(Path directory, Path jdkHome, java.util.Map<String, String> environment) throws Exception {
        return jvmBase(directory, jdkHome, environment, false, "base-with-jvm");
    }

    /**
     * A base tar like distroless's Java images: the JVM of {@link #baseTarWithJvm} and the C
     * libraries it links (this machine's, by {@code ldd}), and nothing else: no shell, no {@code /bin}.
     */
    static String baseTarWithJvmAndNoShell(Path directory) throws Exception {
        return jvmBase(directory, Path.of(System.getProperty("java.home")), java.util.Map.of(), true, "base-without-shell");
    }

    private static String jvmBase(Path directory, Path jdkHome, java.util.Map<String, String> environment,
                                  boolean cLibraries, String name) throws Exception {
        Path jre = jre(jdkHome);
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder()
                .addEntryRecursive(jre, AbsoluteUnixPath.get(JAVA_HOME),
                        (source, target) -> FilePermissions.fromPosixFilePermissions(permissions(source)),
                        FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER);
        for (String library : cLibraries ? linkedLibraries(jre) : new TreeSet<String>()) {
            // the dynamic loader is opened as an executable
            layer.addEntry(Path.of(library).toRealPath(), AbsoluteUnixPath.get(library), FilePermissions.fromOctalString("755"));
        }
        java.util.Map<String, String> imageEnvironment = new java.util.LinkedHashMap<>(environment);
        imageEnvironment.put("PATH", JAVA_HOME + (cLibraries ? "/bin" : "/bin:/usr/bin:/bin"));
        Path tar = directory.resolve(name + ".tar");
        Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .addFileEntriesLayer(layer.build())
                .setEnvironment(imageEnvironment)
                .containerize(Containerizer.to(TarImage.at(tar).named("hover-test/" + name + ":1"))
                        .setApplicationLayersCache(directory.resolve("base-cache")));
        return Jib.TAR_IMAGE_PREFIX + tar;
    }

    /** The shared libraries outside the JVM's directory that its programs and libraries link, as ldd lists them. */
    private static SortedSet<String> linkedLibraries(Path jre) throws Exception {
        SortedSet<String> libraries = new TreeSet<>();
        List<Path> elfFiles;
        try (Stream<Path> files = Files.walk(jre)) {
            elfFiles = files.filter(Files::isRegularFile)
                    .filter(file -> file.getParent().getFileName().toString().equals("bin") || file.toString().endsWith(".so"))
                    .toList();
        }
        Pattern path = Pattern.compile("(/\\S+) \\(0x");
        for (Path file : elfFiles) {
            Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes());
            ldd.waitFor();
            Matcher found = path.matcher(output);
            while (found.find()) {
                if (!Path.of(found.group(1)).normalize().startsWith(jre)) {
                    libraries.add(found.group(1));
                }
            }
        }
        if (libraries.stream().noneMatch(library -> library.contains("/libc.so"))) {
            throw new IllegalStateException("ldd found no C library for " + jre + ": " + libraries);
        }
        return libraries;
    }

    /** The Java 24+ JDK of the machine (docs/testing.md): {@code hover.it.java21Home}, as for the invoker tests. */
    static Path java25Home() {
        String property = System.getProperty("hover.it.java21Home", "");
        Path home = Path.of(property);
        if (property.isEmpty() || !Files.isExecutable(home.resolve("bin/jlink"))) {
            throw new IllegalStateException("No JDK at '" + property + "' (hover.it.java21Home, set by "
                    + "hover-maven-plugin's pom): the AOT cache's tests need a Java 25 JDK with jlink");
        }
        return home;
    }

    /** A runtime image of the JDK at {@code jdkHome}, in {@code target/test-jre-<its directory's name>}. */
    private static Path jre(Path jdkHome) throws Exception {
        Path jre = Path.of("target", "test-jre-" + jdkHome.toRealPath().getFileName()).toAbsolutePath();
        if (Files.isDirectory(jre)) {
            return jre;
        }
        Path making = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-jre-");
        Files.delete(making);
        Path jlink = jdkHome.resolve("bin").resolve("jlink");
        Process process = new ProcessBuilder(jlink.toString(), "--add-modules",
                "java.base,java.logging,java.management,java.naming,java.xml,jdk.httpserver,jdk.unsupported",
                "--generate-cds-archive", "--strip-debug", "--no-man-pages", "--no-header-files",
                "--output", making.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jlink failed: " + output);
        }
        try {
            Files.move(making, jre, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
            // another test class of this run made it first
        }
        return jre;
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pushes a base image to a registry, e.g. the local one, and returns its reference. */
    public static String pushBase(Path directory, String reference) throws Exception {
        return pushBase(directory, reference, "a base image for tests\n");
    }

    /** The same with another content: another image under the same reference, as when a tag moves. */
    static String pushBase(Path directory, String reference, String content) throws Exception {
        containerizeBase(directory, content, ImageFormat.OCI, Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true));
        return reference;
    }

    private static void containerizeBase(Path directory, String content, ImageFormat format, Containerizer containerizer)
            throws Exception {
        Path marker = directory.resolve("hover-test-base");
        Files.writeString(marker, content);
        Jib.fromScratch()
                .setFormat(format)
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .addEntry(marker, AbsoluteUnixPath.get(BASE_MARKER)).build())
                .setEnvironment(java.util.Map.of("PATH", "/usr/bin:/bin"))
                .setEntrypoint(List.of("/bin/false"))
                .containerize(containerizer.setApplicationLayersCache(directory.resolve("base-cache")));
    }
}
