package dev.hover.plugin.command;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.stage.StageSession;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hover:command}'s service against moto's Lambda (simple backend: canned answers, echo otherwise). */
class CommandRunnerMotoTest {
    private static final String REGION = MotoServer.REGION;
    private static MotoServer moto;

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void startMoto() {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
    }

    @BeforeEach
    void freshAccount() throws Exception {
        moto.reset();
        moto.useSimpleLambdaBackend();
        MotoCliFunction.writeManifest(project, REGION);
    }

    private int run(String commandLine) throws Exception {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (StageSession session = StageSession.open(project, "staging", Optional.empty(), new CredentialsResolver(), Proxies.none(), log::add)) {
            return new CommandRunner(log::add, out).run(session, commandLine);
        }
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheOutputAsWrittenAndReturnsTheExitCode() throws Exception {
        MotoCliFunction.deploy();
        moto.queueLambdaResults(REGION, List.of("{\"exitCode\": 0, \"output\": \"sending the reports of 2026-11-25\\n  3 sent\\n\"}"));

        int exitCode = run("reports:send --daily");

        assertThat(exitCode).isZero();
        assertThat(printed()).isEqualTo("sending the reports of 2026-11-25\n  3 sent\n");
        assertThat(log).containsExactly(
                "Stage staging (shop-staging) in us-east-1 with credentials from environment (system property aws.accessKeyId)",
                "$ reports:send --daily   (shop-staging-cli:live, version 1)");
    }

    @Test
    void sendsTheCommandLineAsTheCommandEvent() throws Exception {
        MotoCliFunction.deploy();
        // nothing queued: moto's simple backend answers with the event it got, which is no command answer
        assertThatThrownBy(() -> run("say \"hello world\""))
                .isInstanceOf(CommandException.class)
                .hasMessageEndingWith("answered without an exitCode (does its image run the Hover runtime?): "
                        + "{\"command\":\"say \\\"hello world\\\"\"}");
    }

    @Test
    void aNonZeroExitCodeIsReturnedAfterTheOutputIsPrinted() throws Exception {
        MotoCliFunction.deploy();
        moto.queueLambdaResults(REGION, List.of("{\"exitCode\": 127, \"output\": \"unknown command: reports:sned\"}"));

        int exitCode = run("reports:sned");

        assertThat(exitCode).isEqualTo(127);
        assertThat(printed()).isEqualTo("unknown command: reports:sned\n");
    }

    @Test
    void aFunctionErrorIsReportedWithLambdasErrorDocument() throws Exception {
        MotoCliFunction.deploy();
        // an answer over Lambda's 6 MB limit is a function error Lambda (and moto) reports itself
        moto.queueLambdaResults(REGION, List.of("x".repeat(6_000_001)));

        assertThatThrownBy(() -> run("export:all"))
                .isInstanceOf(CommandException.class)
                .hasMessage("The cli function shop-staging-cli:live failed (Unhandled): Function.ResponseSizeTooLarge: "
                        + "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        assertThat(printed()).isEmpty();
    }

    @Test
    void aStageThatWasNeverDeployedSaysToDeployItFirst() {
        assertThatThrownBy(() -> run("reports:send"))
                .isInstanceOf(CommandException.class)
                .hasMessage("The stage staging has no cli function shop-staging-cli with a live alias in us-east-1: "
                        + "deploy the stage first (mvn deploy -Dhover.stage=staging)");
    }

    @Test
    void aCliFunctionWithoutLiveAliasSaysToDeployTheStageFirst() {
        MotoCliFunction.create();

        assertThatThrownBy(() -> run("reports:send"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("deploy the stage first");
    }
}
