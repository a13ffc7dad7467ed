package dev.hover.plugin.rollback;

import java.util.Map;

/**
 * What a rollback moves: every function's {@code live} alias from one build's version to another's.
 *
 * @param moves    function name to its alias move, in the stage's function order
 * @param leftAlone function name to why its alias stays where it is (a function added after the target build)
 */
public record RollbackPlan(String stage, String stack, String region, String fromBuild, String toBuild,
                           Map<String, Move> moves, Map<String, String> leftAlone, boolean dryRun) {
    /** A {@code live} alias from one version to another; equal versions when the function did not change between the builds. */
    public record Move(String fromVersion, String toVersion) {
        public boolean changes() {
            return !fromVersion.equals(toVersion);
        }
    }
}
