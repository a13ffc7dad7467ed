package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import dev.hover.plugin.logs.MotoLogGroups;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.inject.Inject;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:logs} as Maven runs it, against moto's CloudWatch Logs: the lines on standard output, bad input as a build failure. */
@MojoTest
class LogsMojoTest {
    @Inject
    MavenSession session;

    private static MotoServer moto;

    @TempDir
    Path project;

    @RegisterExtension
    final StandardOutCapture standardOut = new StandardOutCapture();

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void deployedStage() throws Exception {
        moto.reset();
        MotoLogGroups.writeManifest(project, MotoServer.REGION);
    }

    private LogsMojo configured(LogsMojo mojo, String since) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        session.getUserProperties().setProperty("hover.since", since);
        return MojoProjects.in(project, mojo);
    }

    @Test
    @InjectMojo(goal = "logs", pom = ParameterWiringTest.PLAIN)
    void printsTheEventsOnStandardOutput(LogsMojo mojo) throws Exception {
        Instant minuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (MotoLogGroups groups = new MotoLogGroups()) {
            groups.create("shop-staging-http");
            groups.put("shop-staging-http", minuteAgo, "GET /health 200");
        }

        configured(mojo, "10m").execute();

        // the goal's own lines go to Maven's log, which writes "[info] …" to standard output here
        assertThat(standardOut.printed().lines().filter(line -> !line.startsWith("[info]")))
                .containsExactly(minuteAgo.toString().replace("Z", ".000Z") + "  http  GET /health 200");
    }

    @Test
    @InjectMojo(goal = "logs", pom = ParameterWiringTest.PLAIN)
    void aBadSinceFailsTheBuildSayingSo(LogsMojo mojo) {
        assertThatThrownBy(() -> configured(mojo, "ten minutes").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("hover.since: 'ten minutes' is neither an age like 10m");
    }
}
