package dev.hover.maven;

import dev.hover.plugin.rollback.ReleasedStageTest;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;

import javax.inject.Inject;

/**
 * What the Mojo tests of the goals that change a deployed stage share: the stage of
 * {@link ReleasedStageTest}, and the goal configured from {@code hover.*} properties as on the command line.
 */
@MojoTest
abstract class ReleasedStageMojoTest extends ReleasedStageTest {
    @Inject
    MavenSession session;

    /** The goal on stage {@code staging}, with the given properties (name, value, …) set. */
    <M extends HoverMojo> M configured(M mojo, String... properties) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        for (int i = 0; i < properties.length; i += 2) {
            session.getUserProperties().setProperty(properties[i], properties[i + 1]);
        }
        return MojoProjects.in(project, mojo);
    }
}
