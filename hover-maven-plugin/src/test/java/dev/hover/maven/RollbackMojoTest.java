package dev.hover.maven;

import dev.hover.plugin.rollback.MotoReleases;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:rollback} as Maven runs it, against moto's Lambda: its parameters, and refusals as build failures. */
class RollbackMojoTest {
    private static final String B1 = "20261126T100000Z-aaaaaa";
    private static final String B2 = "20261126T110000Z-bbbbbb";
    private static MotoServer moto;

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

    private RollbackMojo mojo(String build, boolean dryRun) {
        RollbackMojo mojo = new RollbackMojo();
        mojo.stage = "staging";
        mojo.build = build;
        mojo.dryRun = dryRun;
        mojo.baseDirectory = project.toFile();
        return mojo;
    }

    @Test
    void rollsBackTheLiveAliases() throws Exception {
        mojo(null, false).execute();

        assertThat(stage.live(HTTP)).isEqualTo("1");
        assertThat(stage.live(CLI)).isEqualTo("1");
    }

    @Test
    void aDryRunMovesNothing() throws Exception {
        mojo(" ", true).execute();

        assertThat(stage.live(HTTP)).isEqualTo("2");
    }

    @Test
    void anUnknownBuildFailsTheBuildNamingTheKnownOnes() {
        assertThatThrownBy(() -> mojo("b0", false).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hover.build: the stage staging has no build b0; its functions have versions of "
                        + B2 + " (live), " + B1);
        assertThat(stage.live(HTTP)).isEqualTo("2");
    }
}
