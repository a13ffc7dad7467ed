package dev.hover.plugin.image.archive;

import com.google.cloud.tools.jib.api.Jib;
import dev.hover.model.Architecture;
import dev.hover.model.packaged.LaunchCommand;
import dev.hover.plugin.image.AssetCollector;
import dev.hover.plugin.image.BuildInputs;
import dev.hover.plugin.image.BuildLog;
import dev.hover.plugin.image.ImageLayout;
import dev.hover.plugin.image.ImageSpec;
import dev.hover.plugin.image.LayerPlan;
import dev.hover.plugin.image.LayerPlanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The class-data archive of an image (docs/image.md, "The class-data archive"): the JVM's
 * dynamic CDS archive of the classes the application and the runtime load during a cold start,
 * written by the base image's own JVM on the build host in a training run ({@code
 * dev.hover.runtime.Training}: the cold start, primed, then exit), and put into its own layer
 * that the entry point names with {@code -XX:SharedArchiveFile}.
 *
 * <p>The JVM uses an archive only with the class path it was written with. The image's class path
 * is therefore relative to the task root (the working directory of the container and of the
 * training), and the application's resources and classes become jars ({@link ApplicationJars}).
 * An archive is not reproducible byte for byte, so it is kept under a key of everything it is
 * made from and used again while the key is the same: the layer changes only when its inputs do.
 *
 * <p>Never fails a build: whatever stops the archive (a base image whose JVM cannot run here, an
 * application that does not start without its secrets, …) leaves the image as it is without
 * one, with a note in the build's log.
 */
public final class ClassDataArchive {
    public static final String LAYER = "class-data-archive";
    /** What the keys are made of changes with this number. */
    private static final String FORMAT = "1";
    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:[.\"])");
    private static final int OLDEST_JAVA = 17;
    private static final long PROBE_SECONDS = 60;
    /** Beyond the application's readiness timeout: the JVM's start, the priming and the archive's writing. */
    private static final long TRAINING_EXTRA_SECONDS = 60;
    private static final int LOG_LINES_IN_A_NOTE = 15;

    private final BuildLog log;
    private final BaseImageExport export;

    /**
     * @param export writes the base image as a tar (the image build's registry access, credentials
     *               and Jib cache)
     */
    public ClassDataArchive(BuildLog log, BaseImageExport export) {
        this.log = log;
        this.export = export;
    }

    /** Writes a base image, as {@code docker save} would, to a tar. */
    @FunctionalInterface
    public interface BaseImageExport {
        void write(String baseImage, Architecture architecture, Path tar) throws Exception;
    }

    /**
     * What a training needs.
     *
     * @param baseImage           as the image build resolved it ({@code tar://} absolute)
     * @param architecture        the image's
     * @param java                the entry point's java, a path in the image or {@code java} on its {@code PATH}
     * @param jvmOptions          the entry point's JVM options for a plan (Hover's, the packaging's, the stage's)
     * @param environment         the training process's environment: the image's, with the http port
     *                            replaced by a free one, and {@code HOVER_MANIFEST} naming a packaged
     *                            manifest that has that port
     * @param readyTimeoutSeconds how long the application may take to be ready
     * @param inputsFingerprint   the build's inputs ({@code BuildInputs}), part of the archive's key
     * @param scratch             the build's own scratch directory for the training
     * @param baseRoots           where unpacked base images are kept, by their tar's digest
     * @param store               where the stage's archive is kept between builds, outside {@code target/}
     */
    public record Training(String baseImage, Architecture architecture, String java,
                           Function<LayerPlan, List<String>> jvmOptions, Map<String, String> environment,
                           int readyTimeoutSeconds, String inputsFingerprint, Path scratch, Path baseRoots, Path store) {
    }

    /** Why there is no archive, for the build's log. */
    private static final class Skipped extends Exception {
        Skipped(String reason) {
            super(reason);
        }
    }

    /**
     * The plan with the archive in its own layer before the stage's, the application's directories
     * as jars and the class path relative to the task root; or the plan as it was, with a note.
     */
    public LayerPlan apply(LayerPlan plan, Training training) {
        try {
            return withArchive(plan, training);
        } catch (Skipped e) {
            log.info("No class-data archive: " + e.getMessage());
        } catch (Exception | LinkageError e) {
            log.warn("No class-data archive: the training failed: " + e);
        }
        return plan;
    }

    private LayerPlan withArchive(LayerPlan plan, Training training) throws Exception {
        requireRunnableArchitecture(training.architecture());
        Path scratch = training.scratch();
        AssetCollector.deleteRecursively(scratch);
        Files.createDirectories(scratch);
        LayerPlan packed = relative(packed(plan, scratch.resolve("jars")));
        List<String> options = training.jvmOptions().apply(packed);
        String key = key(training, packed, options);
        Path stored = training.store().resolve(key + ARCHIVE_SUFFIX);
        if (Files.isRegularFile(stored)) {
            log.info("Class-data archive: the one of the same inputs again (" + megabytes(stored) + ")");
        } else {
            train(packed, options, training, stored);
        }
        List<ImageSpec.Layer> layers = new ArrayList<>(packed.layers());
        int stage = !layers.isEmpty() && layers.get(layers.size() - 1).name().equals(LayerPlanner.STAGE_LAYER) ? layers.size() - 1 : layers.size();
        layers.add(stage, new ImageSpec.Layer(LAYER,
                List.of(new ImageSpec.Entry(stored.toAbsolutePath().toString(), ImageLayout.CLASS_DATA_ARCHIVE))));
        List<String> jvmOptions = new ArrayList<>(packed.jvmOptions());
        jvmOptions.add("-XX:SharedArchiveFile=" + ImageLayout.CLASS_DATA_ARCHIVE);
        return new LayerPlan(layers, packed.classpath(), packed.runtimeClasspath(), jvmOptions);
    }

    private void train(LayerPlan packed, List<String> options, Training training, Path stored) throws Exception {
        long started = System.nanoTime();
        Path java = baseImageJava(training);
        int version = javaVersion(java);
        if (version < OLDEST_JAVA) {
            throw new Skipped("the base image's Java is " + version + "; the archive needs Java " + OLDEST_JAVA + " or later");
        }
        Path scratch = training.scratch();
        Path taskRoot = TrainingCopy.make(packed.layers(), scratch.resolve("task"));
        Path written = scratch.resolve("app" + ARCHIVE_SUFFIX);
        List<String> jvmOptions = new ArrayList<>(options);
        jvmOptions.add("-XX:ArchiveClassesAtExit=" + written.toAbsolutePath());
        Map<String, String> environment = new LinkedHashMap<>(training.environment());
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        environment.put("HOME", scratch.toAbsolutePath().toString());
        Path output = scratch.resolve("training.log");
        ProcessBuilder builder = new ProcessBuilder(LaunchCommand.training(java.toString(), jvmOptions, packed.classpath()))
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        long timeout = training.readyTimeoutSeconds() + TRAINING_EXTRA_SECONDS;
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new Skipped("the training run did not end within " + timeout + " s" + lastLines(output));
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(written) || Files.size(written) == 0) {
            throw new Skipped("the training run of the application ended with status " + process.exitValue()
                    + " (it runs without the stage's secrets and AWS credentials)" + lastLines(output));
        }
        Files.createDirectories(training.store());
        try (Stream<Path> old = Files.list(training.store())) {
            for (Path file : old.filter(f -> f.getFileName().toString().endsWith(ARCHIVE_SUFFIX)).toList()) {
                Files.delete(file);
            }
        }
        Files.move(written, stored, StandardCopyOption.REPLACE_EXISTING);
        log.info("Class-data archive: trained with the base image's Java " + version + " in "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s (" + megabytes(stored) + ")");
    }

    /** The base image's java, runnable on this host: its file system unpacked once per base image. */
    private Path baseImageJava(Training training) throws Exception {
        Path baseRoots = training.baseRoots();
        Files.createDirectories(baseRoots);
        Path tar = baseRoots.resolve("base-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tar");
        try {
            try {
                export.write(training.baseImage(), training.architecture(), tar);
            } catch (Exception e) {
                // the image build that follows reads it again and explains what is wrong
                throw new Skipped("the base image " + training.baseImage() + " cannot be read (" + e.getMessage() + ")");
            }
            Path root = baseRoots.resolve(sha256(tar).substring(0, 32));
            BaseImageRoot base = Files.isDirectory(root) ? BaseImageRoot.open(root) : BaseImageRoot.unpack(tar, root);
            String where = training.java().startsWith("/") ? " at " + training.java()
                    : " (" + training.java() + ") on its PATH " + String.join(":", base.path());
            return base.java(training.java()).orElseThrow(() -> new Skipped("the base image " + training.baseImage()
                    + " has no java" + where + " (hover.javaExecutable says where it is)"));
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static int javaVersion(Path java) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Skipped("the base image's java cannot run on this host (" + e.getMessage() + ")");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new Skipped("the base image's java -version did not answer within " + PROBE_SECONDS + " s");
        }
        Matcher version = VERSION.matcher(output);
        if (process.exitValue() != 0 || !version.find()) {
            throw new Skipped("the base image's java cannot run on this host (java -version: status "
                    + process.exitValue() + ", " + output.lines().findFirst().orElse("no output") + ")");
        }
        return Integer.parseInt(version.group(1));
    }

    private static void requireRunnableArchitecture(Architecture architecture) throws Skipped {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        Architecture host = arch.equals("amd64") || arch.equals("x86_64") ? Architecture.X86_64
                : arch.equals("aarch64") || arch.equals("arm64") ? Architecture.ARM64 : null;
        if (!os.equals("Linux") || host != architecture) {
            throw new Skipped("the image is for linux/" + architecture.ociName() + " and this build runs on "
                    + os + "/" + arch + ", which cannot run its JVM");
        }
    }

    /** The plan with the application's resources and classes as jars, in the same layers and places. */
    private static LayerPlan packed(LayerPlan plan, Path directory) throws IOException {
        List<ImageSpec.Layer> layers = new ArrayList<>();
        for (ImageSpec.Layer layer : plan.layers()) {
            Optional<String> packedDirectory = ApplicationJars.LAYERS.entrySet().stream()
                    .filter(e -> e.getValue().equals(layer.name())).map(Map.Entry::getKey).findFirst();
            if (packedDirectory.isEmpty()) {
                layers.add(layer);
                continue;
            }
            String target = ApplicationJars.jarOf(packedDirectory.get());
            Path jar = directory.resolve(layer.name() + ".jar");
            ApplicationJars.write(packedDirectory.get(), layer.entries(), jar);
            layers.add(new ImageSpec.Layer(layer.name(), List.of(new ImageSpec.Entry(jar.toAbsolutePath().toString(), target))));
        }
        List<String> classpath = plan.classpath().stream()
                .map(entry -> ApplicationJars.LAYERS.containsKey(entry) ? ApplicationJars.jarOf(entry) : entry).toList();
        return new LayerPlan(layers, classpath, plan.runtimeClasspath(), plan.jvmOptions());
    }

    /** The class paths relative to the task root, which is the working directory. */
    private static LayerPlan relative(LayerPlan plan) {
        return new LayerPlan(plan.layers(), relative(plan.classpath()), relative(plan.runtimeClasspath()), plan.jvmOptions());
    }

    private static List<String> relative(List<String> classpath) {
        String root = ImageLayout.TASK_ROOT + "/";
        return classpath.stream().map(entry -> entry.startsWith(root) ? entry.substring(root.length()) : entry).toList();
    }

    /**
     * Everything the archive is made of: the build's inputs, the base image (a tar base by its
     * size and time), the JVM command and what goes into the image's task root.
     */
    private static String key(Training training, LayerPlan packed, List<String> options) throws IOException {
        StringBuilder key = new StringBuilder(FORMAT).append('\n').append(training.inputsFingerprint())
                .append('\n').append(training.baseImage()).append('\n').append(training.architecture())
                .append('\n').append(training.java()).append('\n').append(String.join(" ", options))
                .append('\n').append(String.join(":", packed.classpath()));
        if (training.baseImage().startsWith(Jib.TAR_IMAGE_PREFIX)) {
            Path tar = Path.of(training.baseImage().substring(Jib.TAR_IMAGE_PREFIX.length()));
            key.append('\n').append(Files.size(tar)).append(' ').append(Files.getLastModifiedTime(tar));
        }
        return BuildInputs.sha256(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String lastLines(Path output) {
        try {
            List<String> lines = Files.readAllLines(output);
            return lines.isEmpty() ? "" : "; its last lines:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_A_NOTE), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String megabytes(Path file) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
