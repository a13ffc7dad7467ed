package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.ApplicationFiles;
import dev.hover.plugin.image.BuildId;
import dev.hover.plugin.image.BuildLog;
import dev.hover.plugin.image.Dependency;
import dev.hover.plugin.image.GitCommit;
import dev.hover.plugin.image.ImageBuildService;
import dev.hover.plugin.image.ImageExclusions;
import dev.hover.plugin.image.ImageTarget;
import dev.hover.plugin.image.LastBuild;
import dev.hover.plugin.image.archive.ArchiveChoice;
import dev.hover.plugin.network.NetworkSettings;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The project's side of a stage's image build, shared by {@code hover:build} and by
 * {@code hover:deploy} (which builds when the recorded build is missing or stale): where the
 * stage's files are, its manifest, the project's class path and the Hover runtime at the plugin's
 * version.
 */
final class ProjectImageBuild {
    private final MavenProject project;
    private final PluginDescriptor plugin;
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final NetworkSettings network;
    private final BuildLog log;

    ProjectImageBuild(MavenProject project, PluginDescriptor plugin, RepositorySystem repositorySystem,
                      RepositorySystemSession repositorySession, NetworkSettings network, BuildLog log) {
        this.project = project;
        this.plugin = plugin;
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.network = network;
        this.log = log;
    }

    Path projectDirectory() {
        return project.getBasedir().toPath();
    }

    Path manifestFile(String stage) {
        return projectDirectory().resolve(".hover").resolve(stage + ".yml");
    }

    /** {@code target/hover}: the stages' build directories and Jib's layer cache. */
    Path hoverDirectory() {
        return Path.of(project.getBuild().getDirectory()).resolve("hover");
    }

    Path buildDirectory(String stage) {
        return hoverDirectory().resolve(stage);
    }

    Path layersCache() {
        return hoverDirectory().resolve("cache");
    }

    /** The image as an OCI tar in the stage's build directory, named {@code <name>:<build-id>}. */
    Function<String, ImageTarget> tarTarget(StageManifest manifest) {
        return buildId -> ImageTarget.tar(buildDirectory(manifest.stage()).resolve("image.tar"), manifest.name() + ":" + buildId);
    }

    /**
     * Where the stage's last build is remembered ({@link LastBuild}): under {@code hover.cacheDirectory},
     * by default Hover's cache directory ({@code $XDG_CACHE_HOME/hover}, else {@code ~/.cache/hover},
     * as Jib keeps its base layers), since {@code mvn clean} deletes {@code target/}; one directory
     * per project directory and stage.
     */
    LastBuild lastBuild(String stage, Optional<Path> cacheDirectory) {
        Path cache = cacheDirectory.orElseGet(() -> {
            String cacheHome = System.getenv("XDG_CACHE_HOME");
            return (cacheHome != null && !cacheHome.isBlank()
                    ? Path.of(cacheHome) : Path.of(System.getProperty("user.home"), ".cache")).resolve("hover");
        });
        return LastBuild.of(cache.resolve("builds"), projectDirectory(), stage);
    }

    /**
     * Builds the stage's image and collects its assets, recording both in {@code build.json}.
     *
     * @param target where the image goes, given the new build's id
     */
    ImageBuildService.Built build(StageManifest manifest, Function<String, ImageTarget> target, ImageOptions options)
            throws MojoExecutionException {
        return new ImageBuildService(log, network).build(request(manifest, target, options, log));
    }

    /**
     * Why the build recorded in {@code target/hover/<stage>} is not what the project would build
     * now (by content), or empty when it still is. What the build reported already is not repeated.
     */
    Optional<String> staleness(StageManifest manifest, ImageOptions options) throws MojoExecutionException {
        BuildLog quiet = quietly();
        return new ImageBuildService(quiet).staleness(request(manifest, tarTarget(manifest), options, quiet));
    }

    /** The build's log at debug level only: for a second look at what a build reported already. */
    private BuildLog quietly() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                log.debug(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }

            @Override
            public void progress(int percent) {
            }
        };
    }

    /** What {@code hover:build} and {@code hover:deploy} take from their parameters for the image. */
    record ImageOptions(Optional<String> javaExecutable, boolean allowInsecureRegistries, List<String> excludes,
                        Optional<Path> cacheDirectory, ArchiveChoice classDataArchive) {
    }

    private ImageBuildService.Request request(StageManifest manifest, Function<String, ImageTarget> target,
                                              ImageOptions options, BuildLog buildLog) throws MojoExecutionException {
        String stage = manifest.stage();
        List<Dependency> runtime = new HoverRuntimeResolver(repositorySystem, repositorySession,
                project.getRemotePluginRepositories()).resolve(plugin.getGroupId(), plugin.getVersion());
        List<Dependency> dependencies = ImageExclusions.of(options.excludes(), SpringBootPluginExcludes.of(project), buildLog)
                .select(dependencies());
        ApplicationFiles application = new ApplicationFiles(projectDirectory(),
                Path.of(project.getBuild().getOutputDirectory()), dependencies, runtime, DeclaredMainClass.of(project),
                QuarkusProject.application(project));
        Instant now = Instant.now();
        String buildId = BuildId.next(now, new SecureRandom());
        return new ImageBuildService.Request(manifest, manifestFile(stage), application, buildDirectory(stage),
                layersCache(), lastBuild(stage, options.cacheDirectory()), target, buildId, now, options.javaExecutable(),
                GitCommit.of(projectDirectory()), options.allowInsecureRegistries(), options.classDataArchive());
    }

    /** The project's runtime class path, jars only, in Maven's order, before {@link ImageExclusions}. */
    private List<ImageExclusions.Candidate> dependencies() {
        return project.getArtifacts().stream()
                .filter(a -> a.getArtifactHandler().isAddedToClasspath() && a.getFile() != null)
                .filter(a -> !Artifact.SCOPE_TEST.equals(a.getScope()) && !Artifact.SCOPE_PROVIDED.equals(a.getScope()))
                .map(a -> new ImageExclusions.Candidate(new Dependency(a.getGroupId(), a.getArtifactId(), a.getVersion(),
                        a.isSnapshot(), a.getFile().toPath()), a.isOptional(), Artifact.SCOPE_SYSTEM.equals(a.getScope())))
                .toList();
    }
}
