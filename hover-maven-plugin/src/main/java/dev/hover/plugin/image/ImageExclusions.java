package dev.hover.plugin.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The libraries on the project's runtime class path that stay out of the image, as Spring Boot's
 * repackaging leaves them out of an executable jar: development tools ({@code spring-boot-devtools},
 * {@code spring-boot-docker-compose}), jars whose manifest says they are an annotation processor, a
 * starter or a development tool ({@code Spring-Boot-Jar-Type}), optional and system-scope
 * dependencies, what the Spring Boot plugin's configuration excludes — and the further ones the
 * project lists ({@code hover.excludes}).
 */
public final class ImageExclusions {
    /** Left out by Spring Boot's repackager by default ({@code excludeDevtools}, {@code excludeDockerCompose}). */
    static final Set<String> DEVELOPMENT_TOOLS = Set.of(
            "org.springframework.boot:spring-boot-devtools",
            "org.springframework.boot:spring-boot-docker-compose");
    /** The manifest attribute Spring Boot's own jars declare their kind with. */
    static final String JAR_TYPE = "Spring-Boot-Jar-Type";
    private static final Set<String> EXCLUDED_JAR_TYPES = Set.of("annotation-processor", "dependencies-starter", "development-tool");
    private static final String STARTER = "a starter, which has no code of its own";
    private static final Pattern COORDINATE_PART = Pattern.compile("[A-Za-z0-9_.\\-]+");

    /** A library on the project's class path with what Maven knows about how it was declared. */
    public record Candidate(Dependency dependency, boolean optional, boolean systemScope) {
        public Candidate {
            Objects.requireNonNull(dependency, "dependency");
        }
    }

    private final Set<String> listed;
    private final SpringBootExcludes springBoot;
    private final BuildLog log;

    private ImageExclusions(Set<String> listed, SpringBootExcludes springBoot, BuildLog log) {
        this.listed = listed;
        this.springBoot = springBoot;
        this.log = log;
    }

    /**
     * What the project's {@code spring-boot-maven-plugin} configuration leaves out of its executable
     * jar ({@code excludes}, {@code excludeGroupIds}): left out of the image too.
     *
     * @param artifacts {@code groupId:artifactId} each
     * @param groupIds  group ids, every artifact of which is left out
     */
    public record SpringBootExcludes(Set<String> artifacts, Set<String> groupIds) {
        public static final SpringBootExcludes NONE = new SpringBootExcludes(Set.of(), Set.of());

        public SpringBootExcludes {
            artifacts = Set.copyOf(artifacts);
            groupIds = Set.copyOf(groupIds);
        }
    }

    /**
     * @param listed the project's further exclusions, {@code groupId:artifactId} each
     * @throws ImageBuildException naming the entry that is not {@code groupId:artifactId}
     */
    public static ImageExclusions of(List<String> listed, SpringBootExcludes springBoot, BuildLog log) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : listed) {
            String key = entry.trim();
            String[] parts = key.split(":", -1);
            if (parts.length != 2 || !COORDINATE_PART.matcher(parts[0]).matches() || !COORDINATE_PART.matcher(parts[1]).matches()) {
                throw new ImageBuildException("hover.excludes has '" + entry + "', which is not groupId:artifactId;"
                        + " perhaps you should write it as org.example:some-library (several: separated by commas)");
            }
            keys.add(key);
        }
        return new ImageExclusions(keys, springBoot, log);
    }

    /** The candidates that go into the image, in their order; says which stay out and why. */
    public List<Dependency> select(List<Candidate> candidates) {
        List<Dependency> kept = new ArrayList<>();
        Set<String> unused = new LinkedHashSet<>(listed);
        for (Candidate candidate : candidates) {
            Dependency dependency = candidate.dependency();
            unused.remove(dependency.key());
            Optional<String> why = reason(candidate);
            if (why.isEmpty()) {
                kept.add(dependency);
            } else if (why.get().equals(STARTER)) {
                log.debug("Left out of the image: " + dependency.key() + " " + dependency.version() + " (" + STARTER + ")");
            } else {
                log.info("Left out of the image: " + dependency.key() + " " + dependency.version() + " (" + why.get() + ")");
            }
        }
        unused.forEach(key -> log.warn("hover.excludes names " + key + ", which is not on the project's runtime class path;"
                + " perhaps you should check its spelling"));
        return kept;
    }

    private Optional<String> reason(Candidate candidate) {
        String key = candidate.dependency().key();
        if (listed.contains(key)) {
            return Optional.of("listed in hover.excludes");
        }
        if (springBoot.artifacts().contains(key) || springBoot.groupIds().contains(candidate.dependency().groupId())) {
            return Optional.of("excluded in the Spring Boot plugin's configuration");
        }
        if (DEVELOPMENT_TOOLS.contains(key)) {
            return Optional.of("a development tool, which Spring Boot's repackaging leaves out too");
        }
        if (candidate.systemScope()) {
            return Optional.of("system scope");
        }
        if (candidate.optional()) {
            return Optional.of("declared optional, which Spring Boot's repackaging leaves out too;"
                    + " declare it without <optional> to have it in the image");
        }
        return jarType(candidate.dependency()).filter(EXCLUDED_JAR_TYPES::contains).map(type -> switch (type) {
            case "annotation-processor" -> "an annotation processor, used by the compiler only";
            case "dependencies-starter" -> STARTER;
            default -> "a development tool, by its manifest's " + JAR_TYPE;
        });
    }

    private static Optional<String> jarType(Dependency dependency) {
        try (JarFile jar = new JarFile(dependency.file().toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest == null ? Optional.empty() : Optional.ofNullable(manifest.getMainAttributes().getValue(JAR_TYPE));
        } catch (IOException e) {
            // not a readable jar: the layer planner names it
            return Optional.empty();
        }
    }
}
