package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.Jib;
import dev.hover.launcher.LauncherBinary;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.network.NetworkSettings;
import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.plugin.image.archive.ArchiveChoice;
import dev.hover.plugin.image.archive.ClassDataArchive;
import dev.hover.secrets.EncryptedSecretsFile;
import dev.hover.secrets.EnvironmentConflicts;
import dev.hover.secrets.SecretsException;
import dev.hover.secrets.SecretsPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code hover:build} without Maven: settles the main class, packages the stage's manifest and
 * encrypted secrets, collects the assets, lays out the image and writes it (to a registry or an OCI
 * tar), then records all of it in {@code target/hover/<stage>/build.json} for deploy.
 */
public final class ImageBuildService {
    /** The value of each of the stage's secrets in the class-data archive's training run. */
    static final String SECRET_PLACEHOLDER = "hover-training-placeholder";
    private final BuildLog log;
    private final NetworkSettings network;

    /** A build that reaches registries directly, as without Maven's settings. */
    public ImageBuildService(BuildLog log) {
        this(log, NetworkSettings.none());
    }

    /** @param network Maven's proxies, servers and offline mode, for every registry the build reaches */
    public ImageBuildService(BuildLog log, NetworkSettings network) {
        this.log = log;
        this.network = network;
    }

    /**
     * @param manifest        the validated stage manifest
     * @param manifestFile    {@code .hover/<stage>.yml}, hashed into the descriptor and named in messages
     * @param application     the project's classes and class path, and the Hover runtime
     * @param buildDirectory  {@code target/hover/<stage>}: scratch space, assets, tar and descriptor
     * @param cacheDirectory  Jib's cache of built layers, shared by the stages ({@code target/hover/cache})
     * @param lastBuild       where the stage's last build is remembered, outside {@code target/}
     * @param target          where the image of a build id goes
     * @param buildId         a new build id ({@link BuildId}); a build whose inputs have not changed
     *                        since the last one ({@link BuildInputs}) keeps the last one's id instead
     * @param createdAt       when the build started
     * @param javaExecutable  {@code hover.javaExecutable}: where java is in the base image, when
     *                        {@link JavaExecutable} cannot tell
     * @param gitCommit       the project's commit, for a label
     * @param allowInsecureRegistries {@code hover.allowInsecureRegistries}
     * @param classDataArchive which class-data archive to train, if any ({@code hover.classDataArchive},
     *                         {@link ClassDataArchive})
     */
    public record Request(
            StageManifest manifest,
            Path manifestFile,
            ApplicationFiles application,
            Path buildDirectory,
            Path cacheDirectory,
            LastBuild lastBuild,
            Function<String, ImageTarget> target,
            String buildId,
            Instant createdAt,
            Optional<String> javaExecutable,
            Optional<String> gitCommit,
            boolean allowInsecureRegistries,
            ArchiveChoice classDataArchive) {
        public Request {
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(manifestFile, "manifestFile");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(buildDirectory, "buildDirectory");
            Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            Objects.requireNonNull(lastBuild, "lastBuild");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(buildId, "buildId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(javaExecutable, "javaExecutable");
            Objects.requireNonNull(gitCommit, "gitCommit");
        }

        /** A request that trains a class-data archive where it can. */
        public Request(StageManifest manifest, Path manifestFile, ApplicationFiles application, Path buildDirectory,
                       Path cacheDirectory, LastBuild lastBuild, Function<String, ImageTarget> target, String buildId,
                       Instant createdAt, Optional<String> javaExecutable, Optional<String> gitCommit,
                       boolean allowInsecureRegistries) {
            this(manifest, manifestFile, application, buildDirectory, cacheDirectory, lastBuild, target, buildId,
                    createdAt, javaExecutable, gitCommit, allowInsecureRegistries, ArchiveChoice.BEST);
        }
    }

    /** @param descriptor what was built, also written to {@code build.json} */
    public record Built(BuildDescriptor descriptor, UploadTally uploads) {
    }

    /** The encrypted secrets file of a stage, relative to the project. */
    public static Path secretsFile(Path projectDirectory, String stage) {
        return projectDirectory.resolve(".hover").resolve(stage + "-secrets.env");
    }

    public Built build(Request request) {
        StageManifest manifest = request.manifest();
        String manifestSha256 = sha256(request.manifestFile());
        String mainClass = new MainClassResolver(log)
                .resolve(manifest.java().mainClass(), request.application(), request.manifestFile());
        BuildInputs inputs = inputs(request, manifestSha256, mainClass);
        Optional<LastBuild.Remembered> last = request.lastBuild().read();
        Optional<LastBuild.Remembered> same = last
                .filter(l -> inputs.reusable() && l.inputs().fingerprint().equals(inputs.fingerprint()));

        Made made;
        if (same.isPresent()) {
            BuildDescriptor previous = same.get().descriptor();
            log.info("Nothing changed since build " + previous.buildId() + ": making it again under its id");
            made = build(request, previous.buildId(), previous.createdAt(), manifestSha256, mainClass, same.get().stamped(), inputs);
            if (!made.built().descriptor().output().digest().equals(previous.output().digest())) {
                // the inputs are Hover's: what else goes into the image is the base image
                log.info("The image is not build " + previous.buildId() + "'s although its inputs are (has the base image "
                        + manifest.java().baseImage() + " moved?): a new build");
                made = build(request, request.buildId(), request.createdAt().toString(), manifestSha256, mainClass, Map.of(), inputs);
            }
        } else {
            last.flatMap(l -> inputs.changeSince(l.inputs(), l.descriptor().buildId()))
                    .ifPresent(change -> log.info("A new build: " + change));
            made = build(request, request.buildId(), request.createdAt().toString(), manifestSha256, mainClass, Map.of(), inputs);
        }
        inputs.write(request.buildDirectory().resolve(BuildInputs.FILE_NAME));
        request.lastBuild().remember(made.built().descriptor(), inputs, made.stamped());
        Built built = made.built();
        return built;
    }

    /**
     * Why the build recorded in the build directory is not what the project would build now, or
     * empty when it still is: the first input that changed since, by content, or its image or
     * assets gone.
     */
    public Optional<String> staleness(Request request) {
        Path directory = request.buildDirectory();
        BuildDescriptor recorded = BuildDescriptorCodec.read(directory.resolve(BuildDescriptor.FILE_NAME));
        Optional<BuildInputs> recordedInputs = BuildInputs.read(directory.resolve(BuildInputs.FILE_NAME));
        if (recordedInputs.isEmpty()) {
            return Optional.of("build " + recorded.buildId() + " has no record of its inputs");
        }
        String manifestSha256 = sha256(request.manifestFile());
        String mainClass = new MainClassResolver(log)
                .resolve(request.manifest().java().mainClass(), request.application(), request.manifestFile());
        Optional<String> change = inputs(request, manifestSha256, mainClass).changeSince(recordedInputs.get(), recorded.buildId());
        if (change.isPresent()) {
            return change;
        }
        if (recorded.output().kind() == ImageOutput.Kind.TAR && !Files.isRegularFile(Path.of(recorded.output().location()))) {
            return Optional.of("the image of build " + recorded.buildId() + " is gone");
        }
        if (recorded.assets().present() && !Files.isDirectory(Path.of(recorded.assets().directory()))) {
            return Optional.of("the assets of build " + recorded.buildId() + " are gone");
        }
        return Optional.empty();
    }

    private static BuildInputs inputs(Request request, String manifestSha256, String mainClass) {
        return BuildInputs.of(request, manifestSha256, mainClass,
                secretsFile(request.application().projectDirectory(), request.manifest().stage()));
    }

    /** The resources of a plan that carry build stamps ({@link BuildStamps}), keyed by their path in the image. */
    private static Map<String, Path> stampedResources(LayerPlan plan) {
        Map<String, Path> stamped = new LinkedHashMap<>();
        plan.layers().stream().flatMap(layer -> layer.entries().stream())
                .filter(entry -> entry.target().startsWith(ImageLayout.RESOURCES + "/")
                        && BuildStamps.mayBeStamped(entry.target().substring(ImageLayout.RESOURCES.length() + 1)))
                .forEach(entry -> stamped.put(entry.target(), Path.of(entry.source())));
        return stamped;
    }

    /**
     * @param stamped resources to take from the build being made again instead of {@code target/classes},
     *                keyed by their path in the image
     */
    private Made build(Request request, String buildId, String createdAt, String manifestSha256, String mainClass,
                       Map<String, Path> stamped, BuildInputs inputs) {
        StageManifest manifest = request.manifest();
        Map<String, Path> stageFiles = packageStageFiles(request, buildId, mainClass);
        BuiltAssets assets = collectAssets(request, buildId);
        boolean secrets = stageFiles.containsKey(ImageLayout.SECRETS);
        Optional<ImageSpec.Layer> launcher = secrets
                ? Optional.of(LauncherLayer.of(manifest.java().architecture(), request.buildDirectory().resolve("launcher")))
                : Optional.empty();
        LayerPlan plan = new LayerPlanner(log).plan(request.application(), stageFiles, launcher).withSources(stamped);
        ImageContainerizer containerizer = new ImageContainerizer(request.cacheDirectory(),
                request.allowInsecureRegistries(), network, log);
        LayerPlan withArchive = request.classDataArchive() == ArchiveChoice.NONE ? plan : new ClassDataArchive(log, containerizer::exportBase)
                .apply(plan, training(request, buildId, mainClass, inputs));
        ImageSpec spec = imageSpec(request, buildId, withArchive, secrets);
        ImageTarget target = request.target().apply(buildId);

        log.info("Building image " + target.reference() + " for stage " + manifest.stage()
                + " (build " + buildId + ") on " + spec.baseImage());
        ImageContainerizer.Result result = containerizer.containerize(spec, target, Set.of());

        BuildDescriptor descriptor = new BuildDescriptor(BuildDescriptor.FORMAT, buildId, manifest.stage(),
                createdAt, manifestSha256, spec, result.output(), assets, inputs.reusable() ? inputs.fingerprint() : null);
        BuildDescriptorCodec.write(descriptor, request.buildDirectory().resolve(BuildDescriptor.FILE_NAME));
        return new Made(new Built(descriptor, result.uploads()), stampedResources(plan));
    }

    /** @param stamped the stamped resources that went into the image (inside a jar, with an archive) */
    private record Made(Built built, Map<String, Path> stamped) {
    }

    /**
     * The class-data archive's training run: the image's environment and a packaged manifest
     * with a free port instead of {@code http.port} (the build host may serve on that port, or run
     * another build), the archive kept beside the stage's last build.
     */
    private static ClassDataArchive.Training training(Request request, String buildId, String mainClass, BuildInputs inputs) {
        StageManifest manifest = request.manifest();
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>(
                ImageEnvironment.of(manifest, buildId, request.application().dependencies(), port));
        Path packaged = request.buildDirectory().resolve("class-data-" + PackagedManifest.FILE_NAME);
        PackagedManifestCodec.write(PackagedManifest.of(manifest, buildId, mainClass).withHttpPort(port), packaged);
        environment.put("HOVER_MANIFEST", packaged.toAbsolutePath().toString());
        // the template's variable: the http function's cold start is the one trained
        environment.put("HOVER_FUNCTION_TYPE", "http");
        environment.putAll(secretPlaceholders(request));
        String baseImage = baseImage(manifest.java().baseImage(), request.application().projectDirectory());
        return new ClassDataArchive.Training(request.classDataArchive(), baseImage, manifest.java().architecture(),
                JavaExecutable.forBaseImage(baseImage, request.javaExecutable()),
                plan -> jvmOptions(plan, manifest), environment, PackagedManifest.Http.DEFAULT_READY_TIMEOUT_SECONDS,
                inputs.fingerprint(), request.buildDirectory().resolve("class-data"),
                request.cacheDirectory().resolve("base-images"), request.lastBuild().directory().resolve("class-data"));
    }

    /**
     * The stage's secrets as the entry point would give them to the runtime, each with a placeholder
     * for its value: the build does not decrypt them. An application that only keeps a secret at
     * start (a key for later calls) starts; one that uses it to connect somewhere fails its
     * training, and the image has no archive.
     */
    private static Map<String, String> secretPlaceholders(Request request) {
        Path secrets = secretsFile(request.application().projectDirectory(), request.manifest().stage());
        if (!Files.isRegularFile(secrets)) {
            return Map.of();
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        try {
            List<String> names = EncryptedSecretsFile.parse(Files.readString(secrets),
                    SecretsPaths.encryptedFile(request.manifest().stage())).keyNames();
            placeholders.put(LaunchCommand.SECRET_NAMES_VARIABLE, String.join(" ", names));
            names.forEach(name -> placeholders.put(name, SECRET_PLACEHOLDER));
        } catch (IOException | SecretsException e) {
            // the image build reads the file again and says what is wrong with it
        }
        return placeholders;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on this host for the class-data archive's training", e);
        }
    }

    /**
     * @param secrets whether the stage layer has the secrets file, which the entry point's launcher
     *                then decrypts before it becomes the JVM
     */
    static ImageSpec imageSpec(Request request, String buildId, LayerPlan plan, boolean secrets) {
        StageManifest manifest = request.manifest();
        String baseImage = baseImage(manifest.java().baseImage(), request.application().projectDirectory());
        String java = JavaExecutable.forBaseImage(baseImage, request.javaExecutable());
        Map<String, String> environment = ImageEnvironment.of(manifest, buildId, request.application().dependencies());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dev.hover.stage", manifest.stage());
        labels.put("dev.hover.name", manifest.name());
        labels.put("dev.hover.build-id", buildId);
        request.gitCommit().ifPresent(commit -> labels.put("org.opencontainers.image.revision", commit));
        return new ImageSpec(baseImage, manifest.java().architecture(),
                LaunchCommand.of(java, jvmOptions(plan, manifest), plan.classpath(), secrets
                        ? Optional.of(new LaunchCommand.Secrets(LauncherBinary.IMAGE_PATH, manifest.name(), manifest.stage(),
                                ImageLayout.SECRETS))
                        : Optional.empty()), ImageLayout.TASK_ROOT,
                environment, labels, plan.layers());
    }

    /**
     * Hover's defaults, then the packaging's options, then the stage's own, so that each can
     * override the ones before it (the JVM takes the last of two contradicting options).
     */
    private static List<String> jvmOptions(LayerPlan plan, StageManifest manifest) {
        List<String> options = new ArrayList<>(ClassDataArchive.defaultJvmOptions(plan));
        options.addAll(plan.jvmOptions());
        options.addAll(manifest.java().jvmOptions());
        return options;
    }

    /**
     * A base image written by {@code docker save} can be given as {@code tar://<path>}; a relative
     * path is relative to the project, not to wherever Maven was started.
     */
    static String baseImage(String configured, Path projectDirectory) {
        if (!configured.startsWith(Jib.TAR_IMAGE_PREFIX)) {
            return configured;
        }
        Path tar = Path.of(configured.substring(Jib.TAR_IMAGE_PREFIX.length()));
        return Jib.TAR_IMAGE_PREFIX + projectDirectory.resolve(tar).normalize();
    }

    /** Writes the packaged manifest and copies the encrypted secrets into scratch space for the image. */
    private Map<String, Path> packageStageFiles(Request request, String buildId, String mainClass) {
        Path hover = request.buildDirectory().resolve("image").resolve("hover");
        AssetCollector.deleteRecursively(hover);
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(hover);
            Path packaged = hover.resolve(PackagedManifest.FILE_NAME);
            PackagedManifestCodec.write(PackagedManifest.of(request.manifest(), buildId, mainClass), packaged);
            files.put(ImageLayout.PACKAGED_MANIFEST, packaged);
            Path secrets = secretsFile(request.application().projectDirectory(), request.manifest().stage());
            if (Files.isRegularFile(secrets)) {
                requireNoSecretInTheEnvironment(secrets, request);
                Path copy = hover.resolve("secrets.env");
                Files.copy(secrets, copy);
                files.put(ImageLayout.SECRETS, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the stage's files in " + hover, e);
        }
        return files;
    }

    /** Secrets override nothing: a name in both the manifest's environment and the secrets stops the build. */
    private static void requireNoSecretInTheEnvironment(Path secrets, Request request) throws IOException {
        StageManifest manifest = request.manifest();
        try {
            EncryptedSecretsFile file = EncryptedSecretsFile.parse(Files.readString(secrets), SecretsPaths.encryptedFile(manifest.stage()));
            EnvironmentConflicts.requireDisjoint(manifest.environment(), request.manifestFile().toString(), file);
        } catch (SecretsException e) {
            throw new ImageBuildException(e.getMessage(), e);
        }
    }

    private BuiltAssets collectAssets(Request request, String buildId) {
        Names names = Names.of(request.manifest());
        String prefix = names.assetsPrefix(buildId);
        String url = "/" + prefix.substring(0, prefix.length() - 1);
        Path directory = request.buildDirectory().resolve("assets");
        int files = new AssetCollector(log).collect(request.manifest().assets(),
                request.application().projectDirectory(), directory, url, request.manifestFile());
        boolean configured = request.manifest().assets().directory().isPresent();
        return new BuiltAssets(configured ? directory.toAbsolutePath().toString() : null, prefix, url, files);
    }

    /** The hex SHA-256 of the stage manifest as a build records it; deploy compares it to know a build is stale. */
    public static String sha256(Path file) {
        try {
            return BuildInputs.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageBuildException("Cannot read the stage manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
