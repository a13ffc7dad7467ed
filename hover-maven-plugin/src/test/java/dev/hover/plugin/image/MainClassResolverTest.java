package dev.hover.plugin.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainClassResolverTest {
    @TempDir
    static Path dir;
    static SampleProject project;
    private final MainClassResolver resolver = new MainClassResolver(new RecordingLog());

    @BeforeAll
    static void createProject() throws Exception {
        project = SampleProject.create(dir.resolve("project"), 8080);
        project.compile(project.classes, Map.of("demo/tools/Migrate.java",
                "package demo.tools; public class Migrate { public static void main(String[] args) { } }"));
    }

    @Test
    void takesTheManifestsMainClassFirst() {
        assertThat(resolver.resolve(Optional.of("demo.Configured"), files(Optional.of("demo.Declared")), project.manifestFile))
                .isEqualTo("demo.Configured");
    }

    @Test
    void thenTheOneTheProjectDeclares() {
        assertThat(resolver.resolve(Optional.empty(), files(Optional.of("demo.Declared")), project.manifestFile))
                .isEqualTo("demo.Declared");
    }

    @Test
    void startsAQuarkusApplicationThroughItsRunnerBeforeAnyMainClassOfItsOwn() {
        QuarkusApplication quarkus = new QuarkusApplication(project.directory.resolve("target/quarkus-app"),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of());
        ApplicationFiles files = new ApplicationFiles(project.directory, project.classes, List.of(), List.of(),
                Optional.of("demo.Declared"), Optional.of(quarkus));

        assertThat(resolver.resolve(Optional.empty(), files, project.manifestFile))
                .isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
    }

    @Test
    void explainsWhenSeveralClassesHaveAMainMethod() {
        assertThatThrownBy(() -> resolver.resolve(Optional.empty(), files(Optional.empty()), project.manifestFile))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("have a main method (demo.App, demo.tools.Migrate)")
                .hasMessageContaining("perhaps you should choose one with java.main-class in " + project.manifestFile);
    }

    private static ApplicationFiles files(Optional<String> declared) {
        return new ApplicationFiles(project.directory, project.classes, List.of(), List.of(), declared);
    }
}
