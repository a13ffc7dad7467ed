package dev.hover.plugin.aws;

import java.time.Instant;
import java.util.Map;

/**
 * A stack as {@code DescribeStacks} tells it.
 *
 * @param outputs output key to value
 */
public record StackState(String name, String status, Instant lastChanged, Map<String, String> outputs) {
    public StackState {
        outputs = Map.copyOf(outputs);
    }

    /** An operation is running: another deploy, a rollback, a deletion. */
    public boolean busy() {
        return status.endsWith("_IN_PROGRESS") && !"REVIEW_IN_PROGRESS".equals(status);
    }

    /**
     * Why a stage whose stack is {@link #busy()} must wait: two changes of one stage must not interleave.
     *
     * @param then what to do once the stack is done, e.g. {@code deploy again}
     */
    public String busyMessage(String stage, String then) {
        return "The stage " + stage + " is being changed right now: its stack " + name + " is " + status + " (since "
                + lastChanged + "). Wait until that ends (follow it with `aws cloudformation describe-stack-events "
                + "--stack-name " + name + "`) and " + then + ".";
    }

    /** Created by a change set that never ran: the stack has no resources yet. */
    public boolean neverCreated() {
        return "REVIEW_IN_PROGRESS".equals(status);
    }

    /** A first creation failed and rolled back: the stack can only be deleted. */
    public boolean deadOnArrival() {
        return "ROLLBACK_COMPLETE".equals(status) || "ROLLBACK_FAILED".equals(status);
    }

    public boolean succeeded() {
        return "CREATE_COMPLETE".equals(status) || "UPDATE_COMPLETE".equals(status)
                || "IMPORT_COMPLETE".equals(status);
    }
}
