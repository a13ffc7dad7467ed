package dev.hover.plugin.aws;

/**
 * A published version's state, from GetFunctionConfiguration: {@code Pending} while Lambda
 * prepares it (with SnapStart: runs the init and takes the snapshot), then {@code Active} or
 * {@code Failed}, with Lambda's reason.
 *
 * @param state      {@code Pending}, {@code Active}, {@code Inactive} or {@code Failed}
 * @param reasonCode {@code StateReasonCode}, e.g. {@code FunctionError.RuntimeInitError}, or null
 * @param reason     {@code StateReason}, Lambda's sentence, or null
 */
public record VersionState(String state, String reasonCode, String reason) {
    public boolean pending() {
        return "Pending".equals(state);
    }

    public boolean failed() {
        return "Failed".equals(state);
    }
}
