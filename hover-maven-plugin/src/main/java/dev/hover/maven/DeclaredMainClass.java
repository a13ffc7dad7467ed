package dev.hover.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.Optional;

/**
 * The main class a project's build already declares: the jar plugin's
 * {@code archive/manifest/mainClass}, the Spring Boot plugin's {@code mainClass}, or the
 * {@code start-class} property Spring Boot's parent uses.
 */
final class DeclaredMainClass {
    private DeclaredMainClass() {
    }

    static Optional<String> of(MavenProject project) {
        return configured(project, "org.apache.maven.plugins:maven-jar-plugin", "archive", "manifest", "mainClass")
                .or(() -> configured(project, "org.springframework.boot:spring-boot-maven-plugin", "mainClass"))
                .or(() -> Optional.ofNullable(project.getProperties().getProperty("start-class")))
                .map(String::trim)
                .filter(name -> !name.isEmpty() && !name.contains("${"));
    }

    private static Optional<String> configured(MavenProject project, String pluginKey, String... path) {
        Plugin plugin = project.getPlugin(pluginKey);
        if (plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom configuration)) {
            return Optional.empty();
        }
        Xpp3Dom node = configuration;
        for (String name : path) {
            node = node.getChild(name);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node.getValue());
    }
}
