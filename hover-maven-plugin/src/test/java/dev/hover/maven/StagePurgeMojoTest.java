package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.hover.plugin.rollback.MotoReleases.CLI;
import static dev.hover.plugin.rollback.MotoReleases.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:stage-purge} as Maven runs it, against moto: its parameters, and a refusal as a build failure. */
class StagePurgeMojoTest extends ReleasedStageMojoTest {
    @BeforeEach
    void threeReleases() {
        stage.deploy(B1, HTTP, CLI);
        stage.deploy(B2, HTTP, CLI);
        stage.deploy(B3, HTTP, CLI);
    }

    @Test
    @InjectMojo(goal = "stage-purge", pom = ParameterWiringTest.PLAIN)
    void keepZeroRemovesAllButTheLiveBuildAndTheOneBeforeIt(StagePurgeMojo mojo) throws Exception {
        configured(mojo, "hover.keep", "0").execute();

        assertThat(stage.versionBuilds(HTTP)).containsExactly(B2, B3);
        assertThat(stage.imageTags()).containsExactly(B2, B3);
        assertThat(stage.assetBuilds()).containsExactly(B2, B3);
    }

    @Test
    @InjectMojo(goal = "stage-purge", pom = ParameterWiringTest.PLAIN)
    void byDefaultThreeMoreAreKept(StagePurgeMojo mojo) throws Exception {
        configured(mojo).execute();

        assertThat(stage.versionBuilds(CLI)).containsExactly(B1, B2, B3);
    }

    @Test
    @InjectMojo(goal = "stage-purge", pom = ParameterWiringTest.PLAIN)
    void aDryRunRemovesNothing(StagePurgeMojo mojo) throws Exception {
        configured(mojo, "hover.keep", "0", "hover.dryRun", "true").execute();

        assertThat(stage.imageTags()).containsExactly(B1, B2, B3);
    }

    @Test
    @InjectMojo(goal = "stage-purge", pom = ParameterWiringTest.PLAIN)
    void aNegativeKeepFailsTheBuildAndRemovesNothing(StagePurgeMojo mojo) {
        assertThatThrownBy(() -> configured(mojo, "hover.keep", "-1").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dhover.keep is -1; it takes 0 or more: how many builds to keep besides the live one and the one before it");
        assertThat(stage.versionBuilds(HTTP)).containsExactly(B1, B2, B3);
    }
}
