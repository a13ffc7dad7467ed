package dev.hover.maven;

import dev.hover.plugin.command.MotoCliFunction;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:command} as Maven runs it, against moto's Lambda: output on standard output, exit codes as build results. */
class CommandMojoTest {
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

    private CommandMojo mojo(String command) {
        CommandMojo mojo = new CommandMojo();
        mojo.stage = "staging";
        mojo.command = command;
        mojo.baseDirectory = project.toFile();
        return mojo;
    }

    @Test
    void printsTheOutputOnStandardOutput() throws Exception {
        moto.queueLambdaResults(MotoServer.REGION, List.of("{\"exitCode\": 0, \"output\": \"3 reports sent\"}"));

        mojo("reports:send --daily").execute();

        assertThat(standardOut.printed()).contains("3 reports sent" + System.lineSeparator());
    }

    @Test
    void aNonZeroExitCodeFailsTheBuildWithTheCode() {
        moto.queueLambdaResults(MotoServer.REGION, List.of("{\"exitCode\": 3, \"output\": \"SMTP refused\\n\"}"));

        assertThatThrownBy(() -> mojo("reports:send --daily").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("`reports:send --daily` exited with 3 on stage staging");
        assertThat(standardOut.printed()).contains("SMTP refused\n");
    }

    @Test
    void aMissingCommandFailsTheBuildSayingSo() {
        assertThatThrownBy(() -> mojo(null).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("hover.command is empty");
    }
}
