package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.util.List;

/**
 * Runs the manifest's {@code deploy-commands} on the new cli version, in order, printing their
 * output; the first that fails stops the deploy before anything goes live.
 */
final class DeployCommandsStep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Functions functions;

    DeployCommandsStep(Functions functions) {
        this.functions = functions;
    }

    Steps.Outcome<Void> run(List<String> commands, String cliFunction, String version, Console console) {
        if (commands.isEmpty()) {
            return Steps.Outcome.of(null, "none");
        }
        for (String command : commands) {
            console.line("$ " + command);
            String payload = JSON.createObjectNode().put("command", command).toString();
            InvokeResult result = functions.invoke(cliFunction, version, payload);
            if (result.functionError().isPresent()) {
                throw stopped(command, "the cli function failed: " + result.payload());
            }
            JsonNode answer = parse(command, result.payload());
            String output = answer.path("output").asText("");
            output.lines().forEach(line -> console.line("  " + line));
            JsonNode exitCode = answer.get("exitCode");
            if (exitCode == null || !exitCode.canConvertToInt()) {
                throw stopped(command, "the cli function answered without an exitCode: " + result.payload());
            }
            if (exitCode.intValue() != 0) {
                throw stopped(command, "it exited with " + exitCode.intValue());
            }
        }
        return Steps.Outcome.of(null, commands.size() + " command(s) succeeded");
    }

    private static JsonNode parse(String command, String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw stopped(command, "the cli function's answer is not JSON: " + payload);
        }
    }

    private static DeployException stopped(String command, String why) {
        return new DeployException("The deploy command `" + command + "` failed: " + why
                + ". Nothing was released: live still points at the previous versions.");
    }
}
