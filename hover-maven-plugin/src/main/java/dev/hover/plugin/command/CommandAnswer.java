package dev.hover.plugin.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cli function answered to {@code {"command": "…"}} (docs/architecture.md, Events):
 * {@code {"exitCode": 0, "output": "…"}}.
 *
 * @param output the command's output as it wrote it; empty when it wrote nothing
 */
public record CommandAnswer(int exitCode, String output) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of a Java stack trace to see where it failed; the function's log has the rest. */
    private static final int STACK_FRAMES_SHOWN = 10;

    /** The event the cli function runs {@code commandLine} from. */
    public static String event(String commandLine) {
        return JSON.createObjectNode().put("command", commandLine).toString();
    }

    /**
     * Reads an invocation's result.
     *
     * @param invoked the function and qualifier invoked, for messages ({@code shop-staging-cli:live})
     * @throws CommandException when the function failed (the runtime's error document, explained) or
     *                          answered something that is not a command's answer
     */
    public static CommandAnswer from(InvokeResult result, String invoked) {
        if (result.functionError().isPresent()) {
            throw new CommandException("The cli function " + invoked + " failed (" + result.functionError().get() + "): "
                    + describeError(result.payload()));
        }
        JsonNode answer = parse(result.payload(), invoked);
        JsonNode exitCode = answer.get("exitCode");
        if (exitCode == null || !exitCode.canConvertToInt()) {
            throw new CommandException("The cli function " + invoked
                    + " answered without an exitCode (does its image run the Hover runtime?): " + result.payload());
        }
        JsonNode output = answer.get("output");
        return new CommandAnswer(exitCode.intValue(), output == null || output.isNull() ? "" : output.asText());
    }

    /** The output as the command wrote it, ending with a line break. */
    public void printTo(PrintStream out) {
        out.print(output);
        if (!output.isEmpty() && !output.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    private static JsonNode parse(String payload, String invoked) {
        try {
            JsonNode answer = JSON.readTree(payload);
            if (answer != null && answer.isObject()) {
                return answer;
            }
        } catch (IOException e) {
            // reported below, with the payload
        }
        throw new CommandException("The cli function " + invoked + " answered with something that is not a JSON object: "
                + payload);
    }

    /** The runtime's error document ({@code errorType}, {@code errorMessage}, {@code stackTrace}) as lines to read. */
    private static String describeError(String payload) {
        JsonNode error;
        try {
            error = JSON.readTree(payload);
        } catch (IOException e) {
            return payload;
        }
        if (error == null || !error.isObject() || !error.has("errorMessage") && !error.has("errorType")) {
            return payload;
        }
        List<String> lines = new ArrayList<>();
        String type = error.path("errorType").asText("");
        String message = error.path("errorMessage").asText("");
        lines.add(type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message);
        JsonNode frames = error.path("stackTrace");
        for (int i = 0; i < Math.min(frames.size(), STACK_FRAMES_SHOWN); i++) {
            lines.add("    at " + frames.get(i).asText());
        }
        if (frames.size() > STACK_FRAMES_SHOWN) {
            lines.add("    … " + (frames.size() - STACK_FRAMES_SHOWN) + " more");
        }
        return String.join("\n", lines);
    }
}
