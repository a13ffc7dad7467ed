package dev.hover.plugin.aws;

/**
 * One resource a change set would add, modify or remove.
 *
 * @param action      {@code Add}, {@code Modify}, {@code Remove} (as CloudFormation says)
 * @param replacement for a modification: {@code True}, {@code False} or {@code Conditional}; empty otherwise
 */
public record StackChange(String action, String logicalId, String resourceType, String replacement) {
}
