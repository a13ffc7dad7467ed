package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.model.validation.ManifestException;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.plugin.image.ApplicationFiles;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuildId;
import dev.hover.plugin.image.Dependency;
import dev.hover.plugin.image.GitCommit;
import dev.hover.plugin.image.ImageBuildException;
import dev.hover.plugin.image.ImageBuildService;
import dev.hover.plugin.image.ImageOutput;
import dev.hover.plugin.image.ImageTarget;
import dev.hover.plugin.image.UploadTally;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a stage's image (Jib, no Docker daemon) and collects its assets, and records both in
 * {@code target/hover/<stage>/build.json} for {@code hover:deploy}. The image goes to
 * {@code hover.image} when given, else into {@code target/hover/<stage>/image.tar} (OCI layout).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BuildMojo extends AbstractMojo {
    /** The stage to build, e.g. {@code staging} for {@code .hover/staging.yml}. */
    @Parameter(property = "hover.stage")
    private String stage;

    /**
     * A registry image to push to, e.g. {@code registry.example.com/shop}; tagged with the build id
     * when it names no tag. Credentials come from Docker's configuration and credential helpers.
     * When absent, the image is written as an OCI tar.
     */
    @Parameter(property = "hover.image")
    private String image;

    /** Where java is in the base image, when Hover cannot tell from the image's name. */
    @Parameter(property = "hover.javaExecutable")
    private String javaExecutable;

    /** Accept registries over plain HTTP or with unverified TLS (e.g. one on localhost). */
    @Parameter(property = "hover.allowInsecureRegistries", defaultValue = "false")
    private boolean allowInsecureRegistries;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (stage == null || stage.isBlank()) {
            if (execution.getSource() == MojoExecution.Source.CLI) {
                throw new MojoFailureException("hover:build needs a stage; perhaps you should add -Dhover.stage=<stage>");
            }
            getLog().info("No hover.stage given: no image built (mvn package -Dhover.stage=<stage> builds one)");
            return;
        }
        Path projectDirectory = project.getBasedir().toPath();
        Path manifestFile = projectDirectory.resolve(".hover").resolve(stage + ".yml");
        Path hoverDirectory = Path.of(project.getBuild().getDirectory()).resolve("hover");
        Path buildDirectory = hoverDirectory.resolve(stage);
        StageManifest manifest = readManifest(manifestFile);

        List<Dependency> runtime = new HoverRuntimeResolver(repositorySystem, repositorySession,
                project.getRemotePluginRepositories()).resolve(plugin.getGroupId(), plugin.getVersion());
        ApplicationFiles application = new ApplicationFiles(projectDirectory,
                Path.of(project.getBuild().getOutputDirectory()), dependencies(), runtime, DeclaredMainClass.of(project));
        Instant now = Instant.now();
        String buildId = BuildId.next(now, new SecureRandom());
        ImageTarget target = image == null || image.isBlank()
                ? ImageTarget.tar(buildDirectory.resolve("image.tar"), manifest.name() + ":" + buildId)
                : ImageTarget.registry(ImageTarget.taggedIfUntagged(image.trim(), buildId), Optional.empty());

        try {
            ImageBuildService.Built built = new ImageBuildService(new MavenBuildLog(getLog())).build(
                    new ImageBuildService.Request(manifest, manifestFile, application, buildDirectory,
                            hoverDirectory.resolve("cache"), target, buildId, now, Optional.ofNullable(javaExecutable),
                            GitCommit.of(projectDirectory), allowInsecureRegistries));
            report(built);
        } catch (ImageBuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private StageManifest readManifest(Path manifestFile) throws MojoExecutionException, MojoFailureException {
        if (!Files.isRegularFile(manifestFile)) {
            throw new MojoFailureException("There is no stage manifest " + manifestFile
                    + "; perhaps you should run mvn hover:stage-new -Dhover.stage=" + stage);
        }
        try {
            return new ManifestReader().read(manifestFile);
        } catch (ManifestException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
    }

    /** The project's runtime class path, jars only, in Maven's order. */
    private List<Dependency> dependencies() {
        return project.getArtifacts().stream()
                .filter(a -> a.getArtifactHandler().isAddedToClasspath() && a.getFile() != null)
                .filter(a -> !Artifact.SCOPE_TEST.equals(a.getScope()) && !Artifact.SCOPE_PROVIDED.equals(a.getScope()))
                .map(a -> new Dependency(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.isSnapshot(),
                        a.getFile().toPath()))
                .toList();
    }

    private void report(ImageBuildService.Built built) {
        BuildDescriptor descriptor = built.descriptor();
        getLog().info("Built " + descriptor.stage() + " " + descriptor.buildId() + ": " + descriptor.output().location()
                + " " + descriptor.output().digest());
        if (descriptor.output().kind() == ImageOutput.Kind.REGISTRY) {
            UploadTally uploads = built.uploads();
            Map<String, Long> uploaded = uploads.uploaded();
            getLog().info("Uploaded " + uploaded.size() + " blob(s), " + uploads.layerBytes(descriptor.output().imageId())
                    + " layer bytes; the rest was already in the repository");
        }
        if (descriptor.assets().present()) {
            getLog().info("Collected " + descriptor.assets().files() + " asset file(s) for "
                    + descriptor.assets().url());
        }
    }
}
