package dev.hover.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

import java.util.List;
import java.util.Optional;

/**
 * What the goals that build a stage's image share ({@code hover:build}, and {@code hover:deploy},
 * which builds when it must): the stage, the image options, and the project they build from.
 */
abstract class StageImageMojo extends AbstractMojo {
    /** The stage, e.g. {@code staging} for {@code .hover/staging.yml}. */
    @Parameter(property = "hover.stage")
    protected String stage;

    /** Where java is in the base image, when Hover cannot tell from the image's name. */
    @Parameter(property = "hover.javaExecutable")
    private String javaExecutable;

    /** Accept registries over plain HTTP or with unverified TLS (e.g. one on localhost). */
    @Parameter(property = "hover.allowInsecureRegistries", defaultValue = "false")
    protected boolean allowInsecureRegistries;

    /**
     * Further libraries to leave out of the image, {@code groupId:artifactId} each (comma-separated
     * on the command line), beside what Hover leaves out as Spring Boot's repackaging does.
     */
    @Parameter(property = "hover.excludes")
    private List<String> excludes;

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

    /**
     * Whether a stage was given. Typed on the command line, the goal needs one; bound to a phase,
     * it does nothing without one (so the phase still works for builds that deploy no stage).
     *
     * @param goal      e.g. {@code hover:build}
     * @param nothing   what the log says when the bound goal does nothing
     */
    boolean stageGiven(String goal, String nothing) throws MojoFailureException {
        if (stage != null && !stage.isBlank()) {
            return true;
        }
        if (execution.getSource() == MojoExecution.Source.CLI) {
            throw new MojoFailureException(goal + " needs a stage; perhaps you should add -Dhover.stage=<stage>");
        }
        getLog().info("No hover.stage given: " + nothing);
        return false;
    }

    ProjectImageBuild projectBuild() {
        return new ProjectImageBuild(project, plugin, repositorySystem, repositorySession, getLog());
    }

    /** {@code hover.excludes}, none when not given. */
    List<String> excludes() {
        return excludes == null ? List.of() : excludes;
    }

    Optional<String> javaExecutable() {
        return Optional.ofNullable(javaExecutable);
    }
}
