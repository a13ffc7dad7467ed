package dev.hover.plugin.aws;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** One line of a stack's event log. */
public record StackEvent(String id, Instant time, String logicalId, String resourceType, String status, String reason) {
    /** The event as deploy and stage-delete print it, its time in {@code timeFormat}. */
    public String line(DateTimeFormatter timeFormat) {
        return timeFormat.format(time) + "  " + status + "  " + logicalId + "  " + resourceType
                + (reason.isEmpty() ? "" : "  " + reason);
    }

    public boolean failed() {
        return status.endsWith("_FAILED");
    }
}
