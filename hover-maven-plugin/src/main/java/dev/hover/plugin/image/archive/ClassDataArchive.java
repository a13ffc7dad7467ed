package dev.hover.plugin.image.archive;

import dev.hover.model.Architecture;
import dev.hover.model.JavaSettings;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The class-data archive of an image (docs/image.md, "The class-data archive"): what the JVM
 * loads (and, as an AOT cache, links) during the application's cold start, written by the base
 * image's own JVM on the build host in a training run ({@code dev.hover.runtime.Training}: the
 * cold start, primed, then exit), and put into its own layer that the entry point names. On Java
 * 17–23 it is the dynamic AppCDS archive ({@code -XX:SharedArchiveFile}), on Java 24+ an AOT cache
 * ({@code -XX:AOTCache}, {@link ArchiveKind}).
 *
 * <p>The JVM uses an archive only with the class path it was written with. The image's class path
 * is therefore relative to the task root (the working directory of the container and of the
 * training), and the application's resources and classes become jars ({@link ApplicationJars}).
 * An archive is not reproducible byte for byte, so it is kept under a key of everything it is
 * made from, the base image by digest, and used again while the key is the same: the layer
 * changes only when its inputs do.
 *
 * <p>Never fails a build: whatever stops the archive (a base image whose JVM cannot run here, an
 * application that does not start without its secrets, …) leaves the image as it is without
 * one, with a note in the build's log.
 */
public final class ClassDataArchive {
    public static final String LAYER = "class-data-archive";
    /** What the keys are made of changes with this number. */
    private static final String FORMAT = "2";
    private static final int OLDEST_JAVA = 17;
    /** Beyond the application's readiness timeout: the JVM's start, the priming and the archive's writing. */
    private static final long TRAINING_EXTRA_SECONDS = 60;
    /** The launcher's own variables, whose options the JVM takes as if given on its command line. */
    private static final List<String> OPTIONS_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final BuildLog log;
    private final BaseImageExport export;

    /**
     * @param export writes the base image as a tar (the image build's registry access, credentials
     *               and Jib cache) and says its digest
     */
    public ClassDataArchive(BuildLog log, BaseImageExport export) {
        this.log = log;
        this.export = export;
    }

    /** Writes a base image, as {@code docker save} would, to a tar; returns the digest of what it wrote. */
    @FunctionalInterface
    public interface BaseImageExport {
        String write(String baseImage, Architecture architecture, Path tar) throws Exception;
    }

    /**
     * Hover's default JVM options for a plan: beside an AOT cache without {@code -Xshare:auto},
     * which the JVM refuses together with {@code -XX:AOTCache} (sharing is on by default anyway).
     */
    public static List<String> defaultJvmOptions(LayerPlan plan) {
        boolean aotCache = plan.jvmOptions().stream().anyMatch(option -> option.startsWith(ArchiveKind.AOT_CACHE.optionPrefix));
        return JavaSettings.DEFAULT_JVM_OPTIONS.stream().filter(option -> !aotCache || !option.startsWith("-Xshare:")).toList();
    }

    /** Whether an argument of the entry point names the image's archive (which only the base image's JVM can use). */
    public static boolean namesArchive(String argument) {
        return Arrays.stream(ArchiveKind.values()).anyMatch(kind -> argument.equals(kind.option()));
    }

    /**
     * What a training needs.
     *
     * @param choice              {@code hover.classDataArchive}: the archive the base image's Java takes
     *                            best, or the dynamic AppCDS archive
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
     * @param baseRoots           where unpacked base images are kept, by digest
     * @param store               where the stage's archive is kept between builds, outside {@code target/}
     */
    public record Training(ArchiveChoice choice, String baseImage, Architecture architecture, String java,
                           Function<LayerPlan, List<String>> jvmOptions, Map<String, String> environment,
                           int readyTimeoutSeconds, String inputsFingerprint, Path scratch, Path baseRoots, Path store) {
    }

    /**
     * The plan with the archive in its own layer before the stage's, the application's directories
     * as jars and the class path relative to the task root; or the plan as it was, with a note.
     */
    public LayerPlan apply(LayerPlan plan, Training training) {
        try {
            return withArchive(plan, training);
        } catch (ArchiveSkipped e) {
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
        Files.createDirectories(training.baseRoots());
        Path tar = training.baseRoots().resolve("base-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tar");
        try {
            String digest = exportBase(training, tar);
            // the kind of archive follows from the choice and the base image's JVM, hence from its digest
            String key = key(training, digest, packed.classpath(), training.jvmOptions().apply(packed));
            Optional<ArchiveKind> kept = Arrays.stream(ArchiveKind.values())
                    .filter(kind -> Files.isRegularFile(training.store().resolve(key + kind.suffix))).findFirst();
            ArchiveKind kind;
            if (kept.isPresent()) {
                kind = kept.get();
                log.info("Class-data archive: the one of the same inputs again (" + kind.description + ", "
                        + megabytes(training.store().resolve(key + kind.suffix)) + ")");
            } else {
                BaseImageJvm jvm = BaseImageJvm.of(training.baseImage(), tar, digest, training.java(), training.baseRoots());
                if (jvm.version() < OLDEST_JAVA) {
                    throw new ArchiveSkipped("the base image's Java is " + jvm.version() + "; the archive needs Java "
                            + OLDEST_JAVA + " or later");
                }
                kind = training.choice() == ArchiveChoice.APPCDS ? ArchiveKind.DYNAMIC_APP_CDS
                        : ArchiveKind.forJava(jvm.version());
                List<String> options = training.jvmOptions().apply(named(packed, kind)).stream()
                        .filter(option -> !option.equals(kind.option())).toList();
                refuseConflicts(kind, jvm, options, training.environment());
                train(kind, jvm, packed, options, training, training.store().resolve(key + kind.suffix));
            }
            List<ImageSpec.Layer> layers = new ArrayList<>(packed.layers());
            int stage = !layers.isEmpty() && layers.get(layers.size() - 1).name().equals(LayerPlanner.STAGE_LAYER)
                    ? layers.size() - 1 : layers.size();
            layers.add(stage, new ImageSpec.Layer(LAYER, List.of(new ImageSpec.Entry(
                    training.store().resolve(key + kind.suffix).toAbsolutePath().toString(), kind.inImage))));
            LayerPlan named = named(packed, kind);
            return new LayerPlan(layers, named.classpath(), named.jvmOptions());
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /** The plan whose options name the archive in the image. */
    private static LayerPlan named(LayerPlan plan, ArchiveKind kind) {
        List<String> options = new ArrayList<>(plan.jvmOptions());
        options.add(kind.option());
        return new LayerPlan(plan.layers(), plan.classpath(), options);
    }

    /** The base image as a tar; its digest. */
    private String exportBase(Training training, Path tar) throws ArchiveSkipped {
        try {
            return export.write(training.baseImage(), training.architecture(), tar);
        } catch (Exception e) {
            // the image build that follows reads it again and explains what is wrong
            throw new ArchiveSkipped("the base image " + training.baseImage() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * An option beside which the JVM would not start with the archive: no archive, rather than a
     * JVM that cannot start.
     *
     * @param environment Hover's for the image (the manifest's included), over the base image's own
     */
    private static void refuseConflicts(ArchiveKind kind, BaseImageJvm jvm, List<String> options,
                                        Map<String, String> environment) throws ArchiveSkipped {
        Map<String, String> image = new LinkedHashMap<>(jvm.environment());
        image.putAll(environment);
        Optional<String> conflict = kind.conflicting(options);
        String where = "java.jvm-options";
        for (String variable : OPTIONS_VARIABLES) {
            if (conflict.isEmpty() && image.containsKey(variable)) {
                conflict = kind.conflicting(List.of(image.get(variable).trim().split("\\s+")));
                where = variable + " in the image's environment";
            }
        }
        if (conflict.isPresent()) {
            throw new ArchiveSkipped("the base image's Java " + jvm.version() + " takes an " + kind.description
                    + ", and refuses to start with " + conflict.get() + " (" + where + ") beside it");
        }
    }

    /**
     * The training run; for an AOT cache, then the JVM that creates it from what the training recorded.
     *
     * @param options the entry point's JVM options, without the one that names the archive
     */
    private void train(ArchiveKind kind, BaseImageJvm jvm, LayerPlan packed, List<String> options, Training training,
                       Path stored) throws Exception {
        long started = System.nanoTime();
        Path scratch = training.scratch();
        Path taskRoot = TrainingCopy.make(packed.layers(), scratch.resolve("task"));
        Path written = scratch.resolve("app" + kind.suffix);
        Path configuration = scratch.resolve("app.aotconf");
        List<String> jvmOptions = new ArrayList<>(options);
        if (kind == ArchiveKind.AOT_CACHE) {
            jvmOptions.add("-XX:AOTMode=record");
            jvmOptions.add("-XX:AOTConfiguration=" + configuration.toAbsolutePath());
        } else {
            jvmOptions.add("-XX:ArchiveClassesAtExit=" + written.toAbsolutePath());
        }
        Map<String, String> environment = new LinkedHashMap<>(training.environment());
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        environment.put("HOME", scratch.toAbsolutePath().toString());
        Path output = scratch.resolve("training.log");
        long timeout = training.readyTimeoutSeconds() + TRAINING_EXTRA_SECONDS;
        int status = TrainingProcess.run(LaunchCommand.training(jvm.java().toString(), jvmOptions, packed.classpath()),
                taskRoot, environment, output, timeout);
        if (status != 0 || !written(kind == ArchiveKind.AOT_CACHE ? configuration : written)) {
            throw new ArchiveSkipped("the training run of the application ended with status " + status
                    + " (it runs without the stage's secrets and AWS credentials)" + TrainingProcess.lastLines(output));
        }
        if (kind == ArchiveKind.AOT_CACHE) {
            createAotCache(jvm, packed.classpath(), options, configuration, written, taskRoot, environment, timeout);
        }
        Files.createDirectories(training.store());
        try (Stream<Path> old = Files.list(training.store())) {
            for (Path file : old.filter(f -> Arrays.stream(ArchiveKind.values())
                    .anyMatch(any -> f.getFileName().toString().endsWith(any.suffix))).toList()) {
                Files.delete(file);
            }
        }
        Files.move(written, stored, StandardCopyOption.REPLACE_EXISTING);
        log.info("Class-data archive: trained with the base image's Java " + jvm.version() + " in "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s (" + kind.description + ", "
                + megabytes(stored) + ")");
    }

    /**
     * {@code -XX:AOTMode=create}: the application is not run; the JVM reads the configuration and
     * writes the cache, with the training's options and class path, which the cache must match.
     */
    private static void createAotCache(BaseImageJvm jvm, List<String> classpath, List<String> options,
                                       Path configuration, Path cache, Path taskRoot, Map<String, String> environment,
                                       long timeout) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.addAll(options);
        command.add("-XX:AOTMode=create");
        command.add("-XX:AOTConfiguration=" + configuration.toAbsolutePath());
        command.add("-XX:AOTCache=" + cache.toAbsolutePath());
        command.add("-cp");
        command.add(String.join(":", classpath));
        Path output = configuration.resolveSibling("aot-create.log");
        int status = TrainingProcess.run(command, taskRoot, environment, output, timeout);
        if (status != 0 || !written(cache)) {
            throw new ArchiveSkipped("the AOT cache's creation from the training's configuration ended with status "
                    + status + TrainingProcess.lastLines(output));
        }
    }

    private static boolean written(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) > 0;
    }

    private static void requireRunnableArchitecture(Architecture architecture) throws ArchiveSkipped {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("Linux") || Architecture.ofHost(arch).filter(architecture::equals).isEmpty()) {
            throw new ArchiveSkipped("the image is for linux/" + architecture.ociName() + " and this build runs on "
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
        return new LayerPlan(layers, classpath, plan.jvmOptions());
    }

    /** The class paths relative to the task root, which is the working directory. */
    private static LayerPlan relative(LayerPlan plan) {
        return new LayerPlan(plan.layers(), relative(plan.classpath()), plan.jvmOptions());
    }

    private static List<String> relative(List<String> classpath) {
        String root = ImageLayout.TASK_ROOT + "/";
        return classpath.stream().map(entry -> entry.startsWith(root) ? entry.substring(root.length()) : entry).toList();
    }

    /**
     * Everything the archive is made of: the choice of archive, the build's inputs, the base image's
     * digest (a tag that moved is another digest), the JVM command and what goes into the image's task root.
     */
    static String key(Training training, String baseImageDigest, List<String> classpath, List<String> options) {
        String key = String.join("\n", FORMAT, training.choice().name(), training.inputsFingerprint(), baseImageDigest,
                training.architecture().toString(), training.java(), String.join(" ", options), String.join(":", classpath));
        return BuildInputs.sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String megabytes(Path file) throws IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
    }
}
