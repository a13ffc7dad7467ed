package dev.hover.maven;

import dev.hover.plugin.image.QuarkusApplication;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a Quarkus project by its build (the {@code quarkus} packaging, or Quarkus's Maven plugin),
 * whose output Hover packs as Quarkus made it.
 */
final class QuarkusProject {
    private static final String PLUGIN = "quarkus-maven-plugin";

    private QuarkusProject() {
    }

    static Optional<QuarkusApplication> application(MavenProject project) {
        boolean quarkus = "quarkus".equals(project.getPackaging())
                || project.getBuildPlugins().stream().anyMatch(plugin -> PLUGIN.equals(plugin.getArtifactId())
                && plugin.getGroupId().startsWith("io.quarkus"));
        return quarkus
                ? Optional.of(QuarkusApplication.inspect(Path.of(project.getBuild().getDirectory())))
                : Optional.empty();
    }
}
