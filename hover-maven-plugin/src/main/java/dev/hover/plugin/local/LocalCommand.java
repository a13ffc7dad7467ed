package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.InvokeResult;
import dev.hover.plugin.command.CommandAnswer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hover:command -Dhover.local} without Maven: runs one command line on the cli function of the
 * {@code hover:run} that is running for this project and stage, and prints its output as the command
 * wrote it, as {@code hover:command} does with the deployed stage.
 */
public final class LocalCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> log;
    private final PrintStream out;

    public LocalCommand(Consumer<String> log, PrintStream out) {
        this.log = log;
        this.out = out;
    }

    /**
     * @param runDirectory {@code target/hover/<stage>/run} of the project
     * @return the command's exit code, once its output is printed
     * @throws LocalRunException when no {@code hover:run} of the stage is running
     */
    public int run(Path runDirectory, String stage, String commandLine) throws IOException, InterruptedException {
        String notRunning = "No hover:run of stage " + stage + " is running for this project (" + runDirectory.resolve(RunState.FILE_NAME)
                + "); perhaps you should start it in another terminal with mvn hover:run -Dhover.stage=" + stage;
        RunState state = RunState.read(runDirectory).orElseThrow(() -> new LocalRunException(notRunning));
        log.accept("$ " + commandLine + "   (hover:run at " + state.url() + ")");
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(state.commandUri())
                    .header("Authorization", "Bearer " + state.token())
                    .POST(HttpRequest.BodyPublishers.ofString(commandLine)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new LocalRunException(notRunning + " (its state file is left from one that was killed)", e);
        }
        if (response.statusCode() != 200) {
            throw new LocalRunException("hover:run at " + state.control() + " refused the command (" + response.statusCode() + "): "
                    + response.body());
        }
        JsonNode result = JSON.readTree(response.body());
        CommandAnswer answer = CommandAnswer.from(new InvokeResult(200,
                Optional.ofNullable(result.path("functionError").textValue()), result.path("payload").asText()), "hover:run " + stage);
        answer.printTo(out);
        return answer.exitCode();
    }
}
