package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:rollback} as Maven runs it, against moto's Lambda: its parameters, and refusals as build failures. */
class RollbackMojoTest extends ReleasedStageMojoTest {
    @BeforeEach
    void twoReleases() {
        stage.deploy(B1, HTTP, CLI);
        stage.deploy(B2, HTTP, CLI);
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
