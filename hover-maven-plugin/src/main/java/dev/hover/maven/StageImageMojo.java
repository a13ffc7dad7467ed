package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuildDescriptorCodec;
import dev.hover.plugin.image.archive.ArchiveChoice;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The image parameters of the goals that build a stage's image ({@code hover:build}, and
 * {@code hover:deploy}, which builds when it must), and the project they build from.
 */
abstract class StageImageMojo extends HoverMojo {
    static final String JAVA_EXECUTABLE = "hover.javaExecutable";
    static final String ALLOW_INSECURE_REGISTRIES = "hover.allowInsecureRegistries";
    static final String EXCLUDES = "hover.excludes";
    static final String CACHE_DIRECTORY = "hover.cacheDirectory";
    static final String CLASS_DATA_ARCHIVE = "hover.classDataArchive";

    /** Where java is in the base image, when Hover cannot tell from the image's name. */
    @Parameter(property = JAVA_EXECUTABLE)
    String javaExecutable;

    /** Accept registries over plain HTTP or with unverified TLS (e.g. one on localhost). */
    @Parameter(property = ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
    boolean allowInsecureRegistries;

    /**
     * Further libraries to leave out of the image, {@code groupId:artifactId} each (comma-separated
     * on the command line), beside what Hover leaves out as Spring Boot's repackaging does.
     */
    @Parameter(property = EXCLUDES)
    List<String> excludes;

    /**
     * Where Hover remembers each project's and stage's last build, so that {@code mvn clean} does
     * not make the next build a new one (relative to the project); default {@code $XDG_CACHE_HOME/hover},
     * else {@code ~/.cache/hover}. A CI job that caches a directory of its workspace can point here.
     */
    @Parameter(property = CACHE_DIRECTORY)
    String cacheDirectory;

    /**
     * Train a class-data archive of the application's cold start with the base image's JVM, where
     * this machine can run it, and put it into the image (docs/image.md): an AOT cache on Java 24+, the
     * dynamic AppCDS archive before; {@code appcds} takes the dynamic AppCDS archive on Java 24+ too;
     * {@code false} leaves it out.
     */
    @Parameter(property = CLASS_DATA_ARCHIVE, defaultValue = "true")
    String classDataArchive;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Component
    RepositorySystem repositorySystem;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING_WHEN_GIVEN;
    }

    ProjectImageBuild projectBuild() {
        return new ProjectImageBuild(project, plugin, repositorySystem, repositorySession, network(), progress());
    }

    /**
     * {@code hover.javaExecutable}, {@code hover.allowInsecureRegistries}, {@code hover.excludes}
     * (none when not given), {@code hover.cacheDirectory} (relative to the project),
     * {@code hover.classDataArchive}.
     */
    ProjectImageBuild.ImageOptions imageOptions() {
        return new ProjectImageBuild.ImageOptions(text(JAVA_EXECUTABLE, javaExecutable),
                allowInsecureRegistries(), list(EXCLUDES, excludes),
                text(CACHE_DIRECTORY, cacheDirectory).map(directory -> projectDirectory().resolve(directory)),
                archiveChoice());
    }

    private ArchiveChoice archiveChoice() {
        String value = text(CLASS_DATA_ARCHIVE, classDataArchive).orElse("true");
        return ArchiveChoice.parse(value).orElseThrow(() -> new ParameterException("-D" + CLASS_DATA_ARCHIVE
                + " is '" + value + "'; it takes true (the default), false or appcds"));
    }

    /**
     * The recorded build when it is still what the project would build, else a new one (an OCI tar).
     *
     * @param using what the goal does with it, for the log ({@code Deploying})
     */
    BuildDescriptor currentBuild(ProjectImageBuild projectBuild, StageManifest manifest, String using)
            throws MojoExecutionException {
        String stage = manifest.stage();
        Path descriptor = projectBuild.buildDirectory(stage).resolve(BuildDescriptor.FILE_NAME);
        if (Files.isRegularFile(descriptor)) {
            BuildDescriptor recorded = BuildDescriptorCodec.read(descriptor);
            Optional<String> stale = projectBuild.staleness(manifest, imageOptions());
            if (stale.isEmpty()) {
                progress().plain(using + " build " + recorded.buildId() + " (" + descriptor + ")");
                return recorded;
            }
            progress().plain("Building stage " + stage + " again: " + stale.get());
        } else {
            progress().plain("No build of stage " + stage + " yet (" + descriptor + "): building it");
        }
        return projectBuild.build(manifest, projectBuild.tarTarget(manifest), imageOptions()).descriptor();
    }

    boolean allowInsecureRegistries() {
        return flag(ALLOW_INSECURE_REGISTRIES, allowInsecureRegistries);
    }
}
