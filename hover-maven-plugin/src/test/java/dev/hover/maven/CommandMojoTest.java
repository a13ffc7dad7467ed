package dev.hover.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import dev.hover.plugin.command.MotoCliFunction;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:command} as Maven runs it, against moto's Lambda: output on standard output, exit codes as build results. */
@MojoTest
class CommandMojoTest {
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
        moto.useSimpleLambdaBackend();
        MotoCliFunction.writeManifest(project, MotoServer.REGION);
        MotoCliFunction.deploy();
    }

    private CommandMojo configured(CommandMojo mojo, String command) {
        session.getUserProperties().setProperty("hover.stage", "staging");
        session.getUserProperties().setProperty("hover.command", command);
        return MojoProjects.in(project, mojo);
    }

    @Test
    @InjectMojo(goal = "command", pom = ParameterWiringTest.PLAIN)
    void printsTheOutputOnStandardOutput(CommandMojo mojo) throws Exception {
        moto.queueLambdaResults(MotoServer.REGION, List.of("{\"exitCode\": 0, \"output\": \"3 reports sent\"}"));

        configured(mojo, "reports:send --daily").execute();

        assertThat(standardOut.printed()).contains("3 reports sent" + System.lineSeparator());
    }

    @Test
    @InjectMojo(goal = "command", pom = ParameterWiringTest.PLAIN)
    void aNonZeroExitCodeFailsTheBuildWithTheCode(CommandMojo mojo) {
        moto.queueLambdaResults(MotoServer.REGION, List.of("{\"exitCode\": 3, \"output\": \"SMTP refused\\n\"}"));

        assertThatThrownBy(() -> configured(mojo, "reports:send --daily").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("`reports:send --daily` exited with 3 on stage staging");
        assertThat(standardOut.printed()).contains("SMTP refused\n");
    }

    @Test
    @InjectMojo(goal = "command", pom = ParameterWiringTest.PLAIN)
    void withHoverLocalItAsksTheRunningHoverRunAndNotAws(CommandMojo mojo) {
        session.getUserProperties().setProperty("hover.local", "true");

        assertThatThrownBy(() -> configured(mojo, "reports:send --daily").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("No hover:run of stage staging is running for this project")
                .hasMessageContaining("mvn hover:run -Dhover.stage=staging");
    }
}
