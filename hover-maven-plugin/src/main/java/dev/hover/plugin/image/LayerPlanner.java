package dev.hover.plugin.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lays the application out in layers, least often changed first, so that a code change re-pushes
 * only the small layers: release dependencies, snapshot dependencies, the Hover runtime,
 * resources, classes, and the stage's packaged files.
 */
public final class LayerPlanner {
    private static final String PLAIN_SECRETS_SUFFIX = ".plain.env";

    private final BuildLog log;

    public LayerPlanner(BuildLog log) {
        this.log = log;
    }

    /**
     * @param stageFiles the files of the {@code hover-stage} layer: the packaged manifest and, when
     *                   the stage has one, the encrypted secrets file, keyed by their path in the image
     */
    public LayerPlan plan(ApplicationFiles application, Map<String, Path> stageFiles) {
        List<Dependency> libraries = librariesBesideTheRuntime(application);
        List<ImageSpec.Entry> runtime = jars(application.runtime(), ImageLayout.RUNTIME);
        List<ImageSpec.Entry> releases = jars(libraries.stream().filter(d -> !d.snapshot()).toList(), ImageLayout.LIB);
        List<ImageSpec.Entry> snapshots = jars(libraries.stream().filter(Dependency::snapshot).toList(), ImageLayout.LIB);
        List<ImageSpec.Entry> resources = new ArrayList<>();
        List<ImageSpec.Entry> classes = new ArrayList<>();
        for (Path file : regularFiles(application.classesDirectory())) {
            String relative = unixPath(application.classesDirectory().relativize(file));
            if (file.getFileName().toString().endsWith(PLAIN_SECRETS_SUFFIX)) {
                throw new ImageBuildException(file + " is a plain secrets file and would go into the image; "
                        + "perhaps you should keep .hover/ and *" + PLAIN_SECRETS_SUFFIX
                        + " files out of your resources (they are copied into " + application.classesDirectory() + ")");
            }
            if (relative.endsWith(".class")) {
                classes.add(entry(file, ImageLayout.CLASSES + "/" + relative));
            } else {
                resources.add(entry(file, ImageLayout.RESOURCES + "/" + relative));
            }
        }
        List<ImageSpec.Entry> stage = stageFiles.entrySet().stream()
                .map(e -> entry(e.getValue(), e.getKey()))
                .sorted((a, b) -> a.target().compareTo(b.target()))
                .toList();

        List<ImageSpec.Layer> layers = new ArrayList<>();
        addLayer(layers, "release-dependencies", releases);
        addLayer(layers, "snapshot-dependencies", snapshots);
        addLayer(layers, "hover-runtime", runtime);
        addLayer(layers, "resources", resources);
        addLayer(layers, "classes", classes);
        addLayer(layers, "hover-stage", stage);

        List<String> classpath = new ArrayList<>();
        runtime.forEach(e -> classpath.add(e.target()));
        classpath.add(ImageLayout.RESOURCES);
        classpath.add(ImageLayout.CLASSES);
        // libraries in the project's order, which is Maven's class path order
        Map<Path, String> libraryTargets = new HashMap<>();
        Stream.concat(releases.stream(), snapshots.stream())
                .forEach(e -> libraryTargets.put(Path.of(e.source()), e.target()));
        libraries.forEach(d -> classpath.add(libraryTargets.get(d.file().toAbsolutePath())));
        return new LayerPlan(layers, classpath.stream().distinct().toList());
    }

    /**
     * The runtime ships its own libraries; the application's copy of the same library (by group and
     * artifact) would only shadow or duplicate it on the class path, so it is left out.
     */
    private List<Dependency> librariesBesideTheRuntime(ApplicationFiles application) {
        Map<String, Dependency> runtimeByKey = new HashMap<>();
        application.runtime().forEach(d -> runtimeByKey.put(d.key(), d));
        List<Dependency> libraries = new ArrayList<>();
        for (Dependency dependency : application.dependencies()) {
            Dependency shipped = runtimeByKey.get(dependency.key());
            if (shipped == null) {
                libraries.add(dependency);
            } else if (!shipped.version().equals(dependency.version())) {
                log.warn(dependency.key() + ": the application wants " + dependency.version()
                        + ", the Hover runtime ships " + shipped.version() + "; the image uses the runtime's");
            }
        }
        return libraries;
    }

    /** Jars by file name; a name two artifacts share gets its group id in front. */
    private static List<ImageSpec.Entry> jars(List<Dependency> dependencies, String directory) {
        Map<String, Integer> names = new HashMap<>();
        dependencies.forEach(d -> names.merge(d.file().getFileName().toString(), 1, Integer::sum));
        List<ImageSpec.Entry> entries = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (Dependency dependency : dependencies) {
            Path file = dependency.file();
            if (!Files.isRegularFile(file)) {
                throw new ImageBuildException("The dependency " + dependency.key() + ":" + dependency.version()
                        + " resolved to " + file + ", which is not a jar file; perhaps you should run hover:build"
                        + " in the package phase (mvn package), so that reactor modules are packaged first");
            }
            String name = file.getFileName().toString();
            String target = directory + "/" + (names.get(name) > 1 ? dependency.groupId() + "-" + name : name);
            if (targets.add(target)) {
                entries.add(entry(file, target));
            }
        }
        return entries;
    }

    private static void addLayer(List<ImageSpec.Layer> layers, String name, List<ImageSpec.Entry> entries) {
        if (!entries.isEmpty()) {
            layers.add(new ImageSpec.Layer(name, entries));
        }
    }

    private static ImageSpec.Entry entry(Path source, String target) {
        return new ImageSpec.Entry(source.toAbsolutePath().toString(), target);
    }

    /** Sorted, so that the same directory always gives the same layer. */
    private static List<Path> regularFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static String unixPath(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
