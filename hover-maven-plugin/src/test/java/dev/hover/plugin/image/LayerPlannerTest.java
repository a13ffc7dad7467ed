package dev.hover.plugin.image;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerPlannerTest {
    @TempDir
    Path dir;

    private SampleProject project;
    private final RecordingLog log = new RecordingLog();
    private Dependency runtime;
    private Dependency runtimeJackson;

    @BeforeEach
    void setUp() throws Exception {
        project = SampleProject.create(dir.resolve("project"), 8080);
        runtime = library("dev.hover", "hover-lambda-runtime", "0.1.0");
        runtimeJackson = library("com.fasterxml.jackson.core", "jackson-core", "2.21.3");
    }

    @Test
    void ordersLayersFromLeastToMostOftenChanged() {
        LayerPlan plan = plan(project.files(List.of(runtime, runtimeJackson)));

        assertThat(plan.layers()).extracting(ImageSpec.Layer::name).containsExactly(
                "release-dependencies", "snapshot-dependencies", "hover-runtime", "resources", "classes", "hover-stage");
        assertThat(targets(plan, "release-dependencies")).containsExactly("/var/task/lib/release-lib-1.2.0.jar");
        assertThat(targets(plan, "snapshot-dependencies")).containsExactly("/var/task/lib/snapshot-lib-0.3.0-SNAPSHOT.jar");
        assertThat(targets(plan, "hover-runtime")).containsExactly(
                "/var/task/hover/runtime/hover-lambda-runtime-0.1.0.jar", "/var/task/hover/runtime/jackson-core-2.21.3.jar");
        assertThat(targets(plan, "resources")).containsExactly("/var/task/app/resources/application.properties");
        assertThat(targets(plan, "classes")).containsExactly(
                "/var/task/app/classes/demo/App.class", "/var/task/app/classes/demo/Greeting.class");
        assertThat(targets(plan, "hover-stage")).containsExactly("/var/task/hover/stage.properties");
    }

    @Test
    void putsTheRuntimeFirstOnTheClassPathThenTheApplicationThenItsLibraries() {
        LayerPlan plan = plan(project.files(List.of(runtime, runtimeJackson)));

        assertThat(plan.classpath()).containsExactly(
                "/var/task/hover/runtime/hover-lambda-runtime-0.1.0.jar",
                "/var/task/hover/runtime/jackson-core-2.21.3.jar",
                "/var/task/app/resources",
                "/var/task/app/classes",
                "/var/task/lib/release-lib-1.2.0.jar",
                "/var/task/lib/snapshot-lib-0.3.0-SNAPSHOT.jar");
    }

    @Test
    void leavesOutTheApplicationsCopyOfALibraryTheRuntimeShipsAndSaysSoWhenVersionsDiffer() throws Exception {
        Dependency appRuntime = library("dev.hover", "hover-lambda-runtime", "0.1.0");
        Dependency appJackson = library("com.fasterxml.jackson.core", "jackson-core", "2.17.0");
        ApplicationFiles files = new ApplicationFiles(project.directory, project.classes,
                List.of(appJackson, appRuntime, project.dependencies.get(0)), List.of(runtime, runtimeJackson),
                Optional.empty());

        LayerPlan plan = plan(files);

        assertThat(targets(plan, "release-dependencies")).containsExactly("/var/task/lib/release-lib-1.2.0.jar");
        assertThat(log.warnings).containsExactly("com.fasterxml.jackson.core:jackson-core: the application wants"
                + " 2.17.0, the Hover runtime ships 2.21.3; the image uses the runtime's");
    }

    @Test
    void givesJarsThatShareAFileNameTheirGroupId() throws Exception {
        Dependency first = library("org.one", "util", "1.0");
        Dependency second = new Dependency("org.two", "util", "1.0", false,
                Files.copy(first.file(), Files.createDirectories(dir.resolve("two")).resolve("util-1.0.jar")));
        ApplicationFiles files = new ApplicationFiles(project.directory, project.classes, List.of(first, second),
                List.of(runtime), Optional.empty());

        assertThat(targets(plan(files), "release-dependencies"))
                .containsExactly("/var/task/lib/org.one-util-1.0.jar", "/var/task/lib/org.two-util-1.0.jar");
    }

    @Test
    void refusesAPlainSecretsFileAmongTheResources() throws Exception {
        Files.createDirectories(project.classes.resolve(".hover"));
        Files.copy(project.directory.resolve(".hover/staging-secrets.plain.env"),
                project.classes.resolve(".hover/staging-secrets.plain.env"));

        assertThatThrownBy(() -> plan(project.files(List.of(runtime))))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("staging-secrets.plain.env is a plain secrets file and would go into the image")
                .hasMessageContaining("perhaps you should keep .hover/");
    }

    @Test
    void refusesADependencyThatIsAClassDirectory() {
        Dependency module = new Dependency("com.example", "sibling", "1.0-SNAPSHOT", true, project.testClasses);
        ApplicationFiles files = new ApplicationFiles(project.directory, project.classes, List.of(module),
                List.of(runtime), Optional.empty());

        assertThatThrownBy(() -> plan(files))
                .hasMessageContaining("com.example:sibling:1.0-SNAPSHOT resolved to " + project.testClasses)
                .hasMessageContaining("perhaps you should run hover:build in the package phase");
    }

    private LayerPlan plan(ApplicationFiles files) {
        return new LayerPlanner(log).plan(files, Map.of("/var/task/hover/stage.properties", project.manifestFile), Optional.empty());
    }

    private static List<String> targets(LayerPlan plan, String layer) {
        return plan.layers().stream().filter(l -> l.name().equals(layer)).findFirst().orElseThrow()
                .entries().stream().map(ImageSpec.Entry::target).toList();
    }

    private Dependency library(String groupId, String artifactId, String version) throws Exception {
        Path file = dir.resolve("m2/" + groupId + "/" + artifactId + "-" + version + ".jar");
        SampleProject.writeJar(file, Map.of("x.txt", groupId + artifactId + version));
        return new Dependency(groupId, artifactId, version, false, file);
    }
}
