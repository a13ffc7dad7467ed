package dev.hover.maven;

import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

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
     * (none when not given), {@code hover.cacheDirectory} (relative to the project).
     */
    ProjectImageBuild.ImageOptions imageOptions() {
        return new ProjectImageBuild.ImageOptions(text(JAVA_EXECUTABLE, javaExecutable),
                allowInsecureRegistries(), list(EXCLUDES, excludes),
                text(CACHE_DIRECTORY, cacheDirectory).map(directory -> projectDirectory().resolve(directory)));
    }

    boolean allowInsecureRegistries() {
        return flag(ALLOW_INSECURE_REGISTRIES, allowInsecureRegistries);
    }
}
