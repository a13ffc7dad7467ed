package dev.hover.plugin.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuarkusApplicationTest {
    @TempDir
    Path target;

    @Test
    void readsTheFastJarRunnersMainClassAndWhatItOpens() throws Exception {
        writeFastJar(target);

        QuarkusApplication quarkus = QuarkusApplication.inspect(target);

        assertThat(quarkus.directory()).isEqualTo(target.resolve("quarkus-app"));
        assertThat(quarkus.mainClass()).isEqualTo("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        assertThat(quarkus.jvmOptions()).containsExactly("--add-opens", "java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void laysTheFastJarOutAsQuarkusMadeItWithTheRunnerOnTheClassPath() throws Exception {
        writeFastJar(target);
        Path runtimeJar = target.resolve("m2/hover-lambda-runtime-0.1.0.jar");
        SampleProject.writeJar(runtimeJar, Map.of("x.txt", "runtime"));
        Path manifest = Files.writeString(target.resolve("stage.properties"), "format=2\n");
        ApplicationFiles files = new ApplicationFiles(target, target.resolve("classes"), List.of(),
                List.of(new Dependency("dev.hover", "hover-lambda-runtime", "0.1.0", false, runtimeJar)),
                Optional.empty(), Optional.of(QuarkusApplication.inspect(target)));

        LayerPlan plan = new LayerPlanner(new RecordingLog()).plan(files, Map.of(ImageLayout.PACKAGED_MANIFEST, manifest), Optional.empty());

        assertThat(plan.layers()).extracting(ImageSpec.Layer::name).containsExactly("release-dependencies",
                "snapshot-dependencies", "hover-runtime", "quarkus-application", "hover-stage");
        assertThat(targets(plan, "release-dependencies")).containsExactly(
                "/var/task/quarkus-app/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.1.jar",
                "/var/task/quarkus-app/lib/main/io.quarkus.quarkus-core-3.34.1.jar");
        assertThat(targets(plan, "snapshot-dependencies")).containsExactly(
                "/var/task/quarkus-app/lib/main/org.acme.shared-1.0-SNAPSHOT.jar");
        assertThat(targets(plan, "quarkus-application")).containsExactly(
                "/var/task/quarkus-app/app/shop-1.0.jar",
                "/var/task/quarkus-app/quarkus-run.jar",
                "/var/task/quarkus-app/quarkus/generated-bytecode.jar",
                "/var/task/quarkus-app/quarkus/quarkus-application.dat");
        assertThat(plan.classpath()).containsExactly("/var/task/hover/runtime/hover-lambda-runtime-0.1.0.jar",
                "/var/task/quarkus-app/quarkus-run.jar");
        assertThat(plan.jvmOptions()).containsExactly("--add-opens", "java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void refusesAMutableJar() throws Exception {
        writeFastJar(target);
        SampleProject.writeJar(target.resolve("quarkus-app/lib/deployment/io.quarkus.quarkus-core-deployment-3.34.1.jar"),
                Map.of("x.txt", "x"));

        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("is a Quarkus mutable-jar")
                .hasMessageContaining("perhaps you should remove quarkus.package.jar.type");
    }

    @Test
    void refusesAnUberJarAndALegacyJar() throws Exception {
        SampleProject.writeJar(target.resolve("shop-1.0-runner.jar"), Map.of("x.txt", "x"));
        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .hasMessageContaining("shop-1.0-runner.jar is a Quarkus uber-jar; Hover packs Quarkus's default"
                        + " package type, fast-jar");

        Files.createDirectories(target.resolve("lib"));
        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .hasMessageContaining("shop-1.0-runner.jar is a Quarkus legacy-jar");
    }

    @Test
    void refusesANativeExecutable() throws Exception {
        Files.writeString(target.resolve("shop-1.0-runner"), "ELF");

        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .hasMessageContaining("shop-1.0-runner is a Quarkus native executable: Hover runs Java in a JVM image")
                .hasMessageContaining("perhaps you should build without -Dnative");
    }

    @Test
    void saysWhenQuarkussBuildHasNotRunYet() {
        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .hasMessageContaining("This is a Quarkus project, but " + target.resolve("quarkus-app/quarkus-run.jar")
                        + " is missing")
                .hasMessageContaining("declare hover-maven-plugin after quarkus-maven-plugin");
    }

    @Test
    void refusesAFastJarWithoutItsApplicationData() throws Exception {
        writeFastJar(target);
        Files.delete(target.resolve("quarkus-app/quarkus/quarkus-application.dat"));

        assertThatThrownBy(() -> QuarkusApplication.inspect(target))
                .hasMessageContaining("has no quarkus/quarkus-application.dat");
    }

    private static void writeFastJar(Path target) throws IOException {
        Path app = target.resolve("quarkus-app");
        SampleProject.writeJar(app.resolve("quarkus-run.jar"), Map.of("META-INF/MANIFEST.MF", """
                Manifest-Version: 1.0
                Add-Opens: java.base/java.lang
                Class-Path: lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.1.jar
                Main-Class: io.quarkus.bootstrap.runner.QuarkusEntryPoint
                """));
        SampleProject.writeJar(app.resolve("lib/boot/io.quarkus.quarkus-bootstrap-runner-3.34.1.jar"), Map.of("a", "a"));
        SampleProject.writeJar(app.resolve("lib/main/io.quarkus.quarkus-core-3.34.1.jar"), Map.of("b", "b"));
        SampleProject.writeJar(app.resolve("lib/main/org.acme.shared-1.0-SNAPSHOT.jar"), Map.of("c", "c"));
        SampleProject.writeJar(app.resolve("app/shop-1.0.jar"), Map.of("org/acme/Shop.class", "x"));
        SampleProject.writeJar(app.resolve("quarkus/generated-bytecode.jar"), Map.of("io/quarkus/runner/GeneratedMain.class", "x"));
        Files.writeString(app.resolve("quarkus/quarkus-application.dat"), "data");
    }

    private static List<String> targets(LayerPlan plan, String layer) {
        return plan.layers().stream().filter(l -> l.name().equals(layer)).findFirst().orElseThrow()
                .entries().stream().map(ImageSpec.Entry::target).toList();
    }
}
