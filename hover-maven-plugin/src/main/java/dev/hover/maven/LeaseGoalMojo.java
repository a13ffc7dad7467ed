package dev.hover.maven;

import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * A goal that changes a deployed stage and therefore holds the stage's lease while it runs
 * (docs/deploy.md, "One deploy (or rollback) of a stage at a time"): {@code hover:rollback},
 * {@code hover:stage-delete}, {@code hover:stage-purge}. {@code hover:deploy} takes the lease too, but
 * it builds images and so extends {@link StageImageMojo}: it declares the parameter itself, under
 * {@link #BREAK_LEASE}.
 */
abstract class LeaseGoalMojo extends HoverMojo {
    static final String BREAK_LEASE = "hover.breakLease";

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = BREAK_LEASE, defaultValue = "false")
    boolean breakLease;

    /**
     * The goal's work on the open stage.
     *
     * @param breakLease {@code hover.breakLease}
     */
    abstract void run(StageSession opened, boolean breakLease) throws IOException;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    final void run() throws IOException {
        try (StageSession opened = openStage()) {
            run(opened, flag(BREAK_LEASE, breakLease));
        }
    }
}
