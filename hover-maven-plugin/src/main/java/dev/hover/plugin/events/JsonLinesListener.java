package dev.hover.plugin.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.plugin.aws.StackEvent;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code -Dhover.output=json}: every event as one JSON object on its own line, for CI; the last line
 * is the goal's outcome, failures included. The fields are documented in docs/parameters.md.
 * Debug messages are left out.
 */
public final class JsonLinesListener implements GoalListener {
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final String goal;
    private final Clock clock;

    /** @param goal e.g. {@code hover:deploy}, on every line */
    public JsonLinesListener(PrintStream out, String goal, Clock clock) {
        this.out = out;
        this.goal = goal;
        this.clock = clock;
    }

    @Override
    public synchronized void on(GoalEvent event) {
        if (event instanceof GoalEvent.Debug) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        line.put("event", name(event));
        line.put("time", clock.instant().toString());
        line.put("goal", goal);
        fields(event, line);
        out.println(line);
        out.flush();
    }

    private static String name(GoalEvent event) {
        if (event instanceof GoalEvent.StepStarted) {
            return "step-started";
        } else if (event instanceof GoalEvent.StepFinished) {
            return "step-finished";
        } else if (event instanceof GoalEvent.StepFailed) {
            return "step-failed";
        } else if (event instanceof GoalEvent.Line) {
            return "line";
        } else if (event instanceof GoalEvent.Detail) {
            return "detail";
        } else if (event instanceof GoalEvent.Warning) {
            return "warning";
        } else if (event instanceof GoalEvent.Failure) {
            return "failure";
        } else if (event instanceof GoalEvent.StackProgress) {
            return "stack-event";
        } else if (event instanceof GoalEvent.ImageProgress) {
            return "image-progress";
        } else if (event instanceof GoalEvent.GoalEnded) {
            return "outcome";
        }
        throw new IllegalArgumentException("no JSON name for " + event);
    }

    private void fields(GoalEvent event, ObjectNode line) {
        if (event instanceof GoalEvent.StepStarted started) {
            line.put("step", started.step());
        } else if (event instanceof GoalEvent.StepFinished done) {
            line.put("step", done.step()).put("seconds", seconds(done.took())).put("result", done.result());
        } else if (event instanceof GoalEvent.StepFailed failed) {
            line.put("step", failed.step()).put("seconds", seconds(failed.took())).put("message", failed.message());
        } else if (event instanceof GoalEvent.Line text) {
            line.put("text", text.text());
        } else if (event instanceof GoalEvent.Detail text) {
            line.put("text", text.text());
        } else if (event instanceof GoalEvent.Warning text) {
            line.put("text", text.text());
        } else if (event instanceof GoalEvent.Failure text) {
            line.put("text", text.text());
        } else if (event instanceof GoalEvent.StackProgress progress) {
            StackEvent stack = progress.event();
            line.put("at", stack.time().toString()).put("status", stack.status()).put("logicalId", stack.logicalId())
                    .put("resourceType", stack.resourceType()).put("reason", stack.reason());
        } else if (event instanceof GoalEvent.ImageProgress progress) {
            line.put("percent", progress.percent());
        } else if (event instanceof GoalEvent.GoalEnded ended) {
            line.put("outcome", ended.outcome().name().toLowerCase(Locale.ROOT));
            ended.stage().ifPresent(stage -> line.put("stage", stage));
            line.put("seconds", seconds(ended.took()));
            ended.reason().ifPresent(reason -> line.put("reason", reason));
            ended.result().ifPresent(result -> line.set("result", json.valueToTree(result)));
            ended.error().ifPresent(error -> line.putObject("error").put("kind", error.kind()).put("message", error.message()));
        }
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
