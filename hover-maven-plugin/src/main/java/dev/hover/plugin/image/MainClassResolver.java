package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.MainClassFinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Settles the application's main class, in this order: {@code java.main-class} from the stage
 * manifest; for a Quarkus application, its runner's ({@link QuarkusApplication}); the one the
 * project's build declares (the jar plugin's manifest {@code mainClass},
 * the Spring Boot plugin's {@code mainClass} or {@code start-class}); the only class with a
 * {@code public static void main(String[])} in the project's own classes. Dependencies are not
 * searched: a library's main class is almost never the application's.
 */
public final class MainClassResolver {
    private final BuildLog log;

    public MainClassResolver(BuildLog log) {
        this.log = log;
    }

    /** @param manifestFile names the stage manifest in messages */
    public String resolve(Optional<String> configured, ApplicationFiles application, Path manifestFile) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (application.quarkus().isPresent()) {
            String runner = application.quarkus().get().mainClass();
            log.info("Main class " + runner + ", Quarkus's runner of " + application.quarkus().get().directory());
            return runner;
        }
        if (application.declaredMainClass().isPresent()) {
            log.info("Main class " + application.declaredMainClass().get() + ", as the project's build declares it");
            return application.declaredMainClass().get();
        }
        MainClassFinder.Result found = MainClassFinder.find(classFiles(application.classesDirectory()),
                event -> log.debug(event.getMessage()));
        return switch (found.getType()) {
            case MAIN_CLASS_FOUND -> {
                log.info("Main class " + found.getFoundMainClass() + ", the only one in "
                        + application.classesDirectory());
                yield found.getFoundMainClass();
            }
            case MULTIPLE_MAIN_CLASSES -> throw new ImageBuildException("Several classes in "
                    + application.classesDirectory() + " have a main method (" + String.join(", ",
                    found.getFoundMainClasses()) + "); perhaps you should choose one with java.main-class in "
                    + manifestFile);
            case MAIN_CLASS_NOT_FOUND -> throw new ImageBuildException("No main class found: " + manifestFile
                    + " has no java.main-class, the project declares none, and no class in "
                    + application.classesDirectory() + " has a public static void main(String[]); perhaps you"
                    + " should set java.main-class in " + manifestFile + ", or run hover:build after compiling"
                    + " (mvn package)");
        };
    }

    private static List<Path> classFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
