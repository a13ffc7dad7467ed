package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.function.Consumer;

/**
 * EventBridge rules that call {@code live} aliases on a schedule: the scheduler (every minute, the cli
 * function runs {@code schedule:run}) and the warmer (every 5 minutes, the http function keeps
 * {@code http.warm} containers warm).
 */
final class ScheduleRules {
    static final String SCHEDULER_RULE_ID = "SchedulerRule";
    static final String SCHEDULER_PERMISSION_ID = "SchedulerInvokePermission";
    static final String WARMER_RULE_ID = "WarmerRule";
    static final String WARMER_PERMISSION_ID = "WarmerInvokePermission";
    static final String SCHEDULER_RATE = "rate(1 minute)";
    static final String WARMER_RATE = "rate(5 minutes)";

    private ScheduleRules() {
    }

    /**
     * The scheduler rule exists even when the manifest has no schedule entries: applications can also
     * register scheduled work in code, and {@code schedule:run} with nothing due is cheap. The command
     * carries the event's own time ({@code --at}), so the minute evaluated is the one EventBridge
     * fired for, even when a cold start delays the run past the minute's end.
     */
    static void addScheduler(Resources resources, StageManifest manifest, StageFunction cli) {
        ObjectNode transformer = Cfn.object();
        transformer.set("InputPathsMap", Cfn.object().put("time", "$.time"));
        transformer.put("InputTemplate", "{\"command\":\"schedule:run --at <time>\"}");
        addRule(resources, SCHEDULER_RULE_ID, SCHEDULER_PERMISSION_ID, cli, SCHEDULER_RATE,
                "Runs the due schedule entries of Hover stage " + manifest.name(),
                target -> target.set("InputTransformer", transformer));
    }

    /** No warmer when {@code http.warm} is 0. */
    static void addWarmer(Resources resources, StageManifest manifest, StageFunction http) {
        int warm = manifest.http().warm();
        if (warm == 0) {
            return;
        }
        ObjectNode input = Cfn.object().put("warmer", true).put("concurrency", warm);
        addRule(resources, WARMER_RULE_ID, WARMER_PERMISSION_ID, http, WARMER_RATE,
                "Keeps " + warm + " containers of the http function of Hover stage " + manifest.name() + " warm",
                target -> target.put("Input", input.toString()));
    }

    private static void addRule(Resources resources, String ruleId, String permissionId, StageFunction target,
                                String rate, String description, Consumer<ObjectNode> input) {
        ObjectNode targetNode = Cfn.object().put("Id", target.type() + "-" + Names.LIVE_ALIAS);
        targetNode.set("Arn", target.liveAliasArn());
        input.accept(targetNode);
        ObjectNode rule = Cfn.object()
                .put("Description", description)
                .put("ScheduleExpression", rate)
                .put("State", "ENABLED");
        rule.set("Targets", Cfn.array(targetNode));
        resources.add(ruleId, "AWS::Events::Rule", rule);
        InvokePermission.add(resources, permissionId, target, "events.amazonaws.com", Cfn.getAtt(ruleId, "Arn"));
    }
}
