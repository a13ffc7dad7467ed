package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import dev.hover.plugin.rollback.MotoReleases;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;

import java.nio.file.Path;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:rollback} as Maven runs it, against moto's Lambda: its parameters, and refusals as build failures. */
@MojoTest
class RollbackMojoTest {
    private static final String B1 = "20261126T100000Z-aaaaaa";
    private static final String B2 = "20261126T110000Z-bbbbbb";
    private static MotoServer moto;

    @Inject
    MavenSession session;

    @TempDir
    Path project;

    private MotoReleases stage;

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void twoReleases() throws Exception {
        moto.reset();
        stage = new MotoReleases(project);
        stage.deploy(B1, HTTP, CLI);
        stage.deploy(B2, HTTP, CLI);
    }

    @AfterEach
    void closeClient() {
        stage.close();
    }

    private RollbackMojo configured(RollbackMojo mojo, String... properties) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        for (int i = 0; i < properties.length; i += 2) {
            session.getUserProperties().setProperty(properties[i], properties[i + 1]);
        }
        return MojoProjects.in(project, mojo);
    }

    @Test
    @InjectMojo(goal = "rollback", pom = ParameterWiringTest.PLAIN)
    void rollsBackTheLiveAliases(RollbackMojo mojo) throws Exception {
        configured(mojo).execute();

        assertThat(stage.live(HTTP)).isEqualTo("1");
        assertThat(stage.live(CLI)).isEqualTo("1");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = ParameterWiringTest.PLAIN)
    void aDryRunMovesNothing(RollbackMojo mojo) throws Exception {
        configured(mojo, "hover.dryRun", "true").execute();

        assertThat(stage.live(HTTP)).isEqualTo("2");
    }

    @Test
    @InjectMojo(goal = "rollback", pom = ParameterWiringTest.PLAIN)
    void anUnknownBuildFailsTheBuildNamingTheKnownOnes(RollbackMojo mojo) {
        assertThatThrownBy(() -> configured(mojo, "hover.build", "b0").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover.build: the stage staging has no build b0; its functions have versions of "
                        + B2 + " (live), " + B1);
        assertThat(stage.live(HTTP)).isEqualTo("2");
    }
}
