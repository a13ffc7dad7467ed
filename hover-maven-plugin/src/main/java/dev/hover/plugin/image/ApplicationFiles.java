package dev.hover.plugin.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the project gives the image: its compiled output and its runtime class path, plus the
 * Hover runtime resolved at the plugin's version.
 *
 * @param projectDirectory  the project's base directory ({@code .hover/} is there)
 * @param classesDirectory  the main output directory ({@code target/classes}): class files and
 *                          resources; never the test output
 * @param dependencies      the application's runtime-scope dependencies, in class path order
 * @param runtime           {@code hover-lambda-runtime} and its dependencies
 * @param declaredMainClass the main class the project's build declares (jar manifest, Spring Boot
 *                          plugin), if any
 * @param quarkus           for a Quarkus project, the fast-jar application its build made: packed as
 *                          it is instead of the classes directory and the dependencies
 */
public record ApplicationFiles(
        Path projectDirectory,
        Path classesDirectory,
        List<Dependency> dependencies,
        List<Dependency> runtime,
        Optional<String> declaredMainClass,
        Optional<QuarkusApplication> quarkus) {

    public ApplicationFiles {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        dependencies = List.copyOf(dependencies);
        runtime = List.copyOf(runtime);
        Objects.requireNonNull(declaredMainClass, "declaredMainClass");
        Objects.requireNonNull(quarkus, "quarkus");
    }

    /** A project packed from its classes directory and its dependencies. */
    public ApplicationFiles(Path projectDirectory, Path classesDirectory, List<Dependency> dependencies,
                            List<Dependency> runtime, Optional<String> declaredMainClass) {
        this(projectDirectory, classesDirectory, dependencies, runtime, declaredMainClass, Optional.empty());
    }
}
