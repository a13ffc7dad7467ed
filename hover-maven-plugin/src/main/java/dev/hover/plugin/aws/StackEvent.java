package dev.hover.plugin.aws;

import java.time.Instant;

/** One line of a stack's event log. */
public record StackEvent(String id, Instant time, String logicalId, String resourceType, String status, String reason) {
    public boolean failed() {
        return status.endsWith("_FAILED");
    }
}
