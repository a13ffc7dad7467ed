package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.Credential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A push whose credentials the registry refuses gets an explanation and a suggestion. */
@ExtendWith(CredentialsOverPlainHttp.class)
class RefusedCredentialsTest {
    @TempDir
    Path dir;
    private RefusingRegistry registry;

    @BeforeEach
    void startRefusingRegistry() throws Exception {
        registry = new RefusingRegistry();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    @Test
    void explainsThatTheRegistryRefusedTheCredentials() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("project"), 8080);
        String baseImage = TestImages.baseTar(Files.createDirectories(dir.resolve("base")));
        String target = registry.hostPort() + "/hover-test/refused:1";

        assertThatThrownBy(() -> new ImageBuildService(new RecordingLog()).build(new ImageBuildService.Request(
                project.manifest(baseImage), project.manifestFile, project.files(List.of()), dir.resolve("build"),
                dir.resolve("cache"), new LastBuild(dir.resolve("last-build")), id -> ImageTarget.registry(target, Optional.of(Credential.from("AWS", "wrong"))),
                "20261126T180000Z-ffffff", Instant.now(), Optional.empty(), Optional.empty(), true)))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("The registry refused the credentials for " + target)
                .hasMessageContaining("perhaps you should check the credentials given for " + registry.hostPort());
    }
}
