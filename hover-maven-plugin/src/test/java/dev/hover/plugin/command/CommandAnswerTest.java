package dev.hover.plugin.command;

import dev.hover.plugin.aws.InvokeResult;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandAnswerTest {
    private static CommandAnswer answer(String payload) {
        return CommandAnswer.from(new InvokeResult(200, Optional.empty(), payload), "shop-staging-cli:live");
    }

    private static InvokeResult failed(String payload) {
        return new InvokeResult(200, Optional.of("Unhandled"), payload);
    }

    @Test
    void theEventCarriesTheCommandLineAsItIs() {
        assertThat(CommandAnswer.event("say \"hi there\" --to=\\x"))
                .isEqualTo("{\"command\":\"say \\\"hi there\\\" --to=\\\\x\"}");
    }

    @Test
    void readsTheExitCodeAndTheOutputAsWritten() {
        assertThat(answer("{\"exitCode\": 3, \"output\": \"line 1\\n  line 2\\n\", \"extra\": true}"))
                .isEqualTo(new CommandAnswer(3, "line 1\n  line 2\n"));
    }

    @Test
    void noOutputIsEmptyOutput() {
        assertThat(answer("{\"exitCode\": 0}")).isEqualTo(new CommandAnswer(0, ""));
        assertThat(answer("{\"exitCode\": 0, \"output\": null}")).isEqualTo(new CommandAnswer(0, ""));
    }

    @Test
    void anAnswerWithoutExitCodeIsRefusedWithThePayload() {
        assertThatThrownBy(() -> answer("{\"output\": \"hello\"}"))
                .isInstanceOf(CommandException.class)
                .hasMessage("The cli function shop-staging-cli:live answered without an exitCode (does its image run the "
                        + "Hover runtime?): {\"output\": \"hello\"}");
        assertThatThrownBy(() -> answer("{\"exitCode\": \"zero\"}")).isInstanceOf(CommandException.class)
                .hasMessageContaining("without an exitCode");
    }

    @Test
    void anAnswerThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> answer("Simple Lambda happy path OK"))
                .isInstanceOf(CommandException.class)
                .hasMessage("The cli function shop-staging-cli:live answered with something that is not a JSON object: "
                        + "Simple Lambda happy path OK");
        assertThatThrownBy(() -> answer("[1]")).isInstanceOf(CommandException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void aFunctionErrorShowsTheRuntimesErrorTypeMessageAndFirstFrames() {
        StringBuilder frames = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            frames.append(i > 1 ? "," : "").append("\"com.example.Reports.send(Reports.java:").append(i).append(")\"");
        }
        String error = "{\"errorType\": \"java.lang.IllegalStateException\", \"errorMessage\": \"no SMTP host\", "
                + "\"stackTrace\": [" + frames + "]}";

        assertThatThrownBy(() -> CommandAnswer.from(failed(error), "shop-staging-cli:live"))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("The cli function shop-staging-cli:live failed (Unhandled): "
                        + "java.lang.IllegalStateException: no SMTP host\n"
                        + "    at com.example.Reports.send(Reports.java:1)\n")
                .hasMessageContaining("    at com.example.Reports.send(Reports.java:10)\n    … 2 more")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Reports.java:11"));
    }

    @Test
    void aFunctionErrorWithAMessageOnlyOrNoDocumentShowsWhatThereIs() {
        assertThatThrownBy(() -> CommandAnswer.from(failed("{\"errorMessage\": \"Task timed out after 900.00 seconds\"}"),
                "shop-staging-cli:7"))
                .hasMessage("The cli function shop-staging-cli:7 failed (Unhandled): Task timed out after 900.00 seconds");
        assertThatThrownBy(() -> CommandAnswer.from(failed("RequestId: 1 Error: Runtime exited"), "shop-staging-cli:7"))
                .hasMessage("The cli function shop-staging-cli:7 failed (Unhandled): RequestId: 1 Error: Runtime exited");
    }
}
