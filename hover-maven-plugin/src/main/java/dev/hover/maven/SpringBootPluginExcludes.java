package dev.hover.maven;

import dev.hover.plugin.image.ImageExclusions;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the project's {@code spring-boot-maven-plugin} leaves out of its executable jar: the
 * {@code excludes} ({@code groupId} and {@code artifactId} each) and {@code excludeGroupIds}
 * (comma-separated) of its configuration and of its executions' (the {@code repackage} execution
 * often carries them).
 */
final class SpringBootPluginExcludes {
    private SpringBootPluginExcludes() {
    }

    static ImageExclusions.SpringBootExcludes of(MavenProject project) {
        Plugin plugin = project.getPlugin("org.springframework.boot:spring-boot-maven-plugin");
        if (plugin == null) {
            return ImageExclusions.SpringBootExcludes.NONE;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        plugin.getExecutions().stream().map(PluginExecution::getConfiguration).forEach(configurations::add);
        Set<String> artifacts = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        for (Object configuration : configurations) {
            if (!(configuration instanceof Xpp3Dom dom)) {
                continue;
            }
            Xpp3Dom excludes = dom.getChild("excludes");
            if (excludes != null) {
                for (Xpp3Dom exclude : excludes.getChildren()) {
                    String groupId = value(exclude.getChild("groupId"));
                    String artifactId = value(exclude.getChild("artifactId"));
                    if (!groupId.isEmpty() && !artifactId.isEmpty()) {
                        artifacts.add(groupId + ":" + artifactId);
                    }
                }
            }
            Arrays.stream(value(dom.getChild("excludeGroupIds")).split(","))
                    .map(String::trim).filter(g -> !g.isEmpty()).forEach(groupIds::add);
        }
        return new ImageExclusions.SpringBootExcludes(artifacts, groupIds);
    }

    private static String value(Xpp3Dom node) {
        return node == null || node.getValue() == null ? "" : node.getValue().trim();
    }
}
