package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.plugin.events.ConsoleListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end of a deploy: plain text for people, one JSON document for CI ({@code -Dhover.output=json}). */
public final class SummaryFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryFormat() {
    }

    public static List<String> text(DeploySummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add(summary.dryRun() ? "Dry run finished: nothing was changed."
                : summary.released() ? "Released." : "Nothing to release: live already runs this build.");
        lines.add("  build id:   " + summary.buildId());
        lines.add("  stage:      " + summary.stage() + " (stack " + summary.stack() + ", " + summary.region() + ")");
        lines.add("  URL:        " + summary.url().orElse("(not reported by the stack)"));
        lines.add("  CDN domain: " + summary.cdnDomain().orElse("(not reported by the stack)"));
        lines.add("  API URL:    " + summary.apiUrl().orElse("(not reported by the stack)"));
        summary.image().ifPresent(image -> lines.add("  image:      " + image));
        if (!summary.versions().isEmpty()) {
            lines.add("  versions:   " + String.join(", ", summary.versions().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        lines.add("  steps:");
        for (StepTiming step : summary.steps()) {
            lines.add(String.format(Locale.ROOT, "    %-24s %s", step.step(), ConsoleListener.seconds(step.took())));
        }
        lines.add(String.format(Locale.ROOT, "    %-24s %s", "total", ConsoleListener.seconds(summary.total())));
        return lines;
    }

    public static String json(DeploySummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("buildId", summary.buildId());
        root.put("stage", summary.stage());
        root.put("stack", summary.stack());
        root.put("region", summary.region());
        root.put("dryRun", summary.dryRun());
        root.put("released", summary.released());
        root.put("url", summary.url().orElse(null));
        root.put("cdnDomain", summary.cdnDomain().orElse(null));
        root.put("apiUrl", summary.apiUrl().orElse(null));
        root.put("image", summary.image().orElse(null));
        ObjectNode versions = root.putObject("versions");
        summary.versions().forEach(versions::put);
        ArrayNode changes = root.putArray("stackChanges");
        summary.stackChanges().forEach(change -> changes.addObject()
                .put("action", change.action())
                .put("logicalId", change.logicalId())
                .put("resourceType", change.resourceType())
                .put("replacement", change.replacement()));
        ArrayNode steps = root.putArray("steps");
        summary.steps().forEach(step -> steps.addObject().put("step", step.step()).put("seconds", step.took().toMillis() / 1000.0));
        root.put("totalSeconds", summary.total().toMillis() / 1000.0);
        return root.toString();
    }
}
