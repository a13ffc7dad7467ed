package dev.hover.maven;

import dev.hover.plugin.rollback.MotoReleases;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;
import java.nio.file.Path;

/**
 * What the Mojo tests of the goals that change a deployed stage share: moto, the stage {@code staging}
 * of {@link MotoReleases} in the test's own project (each test then deploys the releases it needs), and
 * the goal configured from {@code hover.*} properties as on the command line.
 */
@MojoTest
abstract class ReleasedStageMojoTest {
    private static MotoServer moto;

    @Inject
    MavenSession session;

    @TempDir
    Path project;

    MotoReleases stage;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void freshStage() throws Exception {
        moto.reset();
        stage = new MotoReleases(project);
    }

    @AfterEach
    void closeClient() {
        stage.close();
    }

    /** The goal on stage {@code staging}, with the given properties (name, value, …) set. */
    <M extends HoverMojo> M configured(M mojo, String... properties) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        for (int i = 0; i < properties.length; i += 2) {
            session.getUserProperties().setProperty(properties[i], properties[i + 1]);
        }
        return MojoProjects.in(project, mojo);
    }
}
