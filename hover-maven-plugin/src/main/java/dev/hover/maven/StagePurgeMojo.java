package dev.hover.maven;

import dev.hover.plugin.purge.StagePurge;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the function versions, images and assets of the stage's old builds, keeping the live build,
 * the one before it and {@code hover.keep} more (docs/stage-purge.md).
 */
@Mojo(name = "stage-purge", threadSafe = true)
public class StagePurgeMojo extends LeaseGoalMojo {
    static final String KEEP = "hover.keep";

    /** How many builds to keep besides the live one and the one before it (newest first). */
    @Parameter(property = KEEP, defaultValue = "" + StagePurge.DEFAULT_KEEP)
    int keep;

    /** List what would go, and remove nothing. */
    @Parameter(property = DRY_RUN, defaultValue = "false")
    boolean dryRun;

    @Override
    void run(StageSession opened, boolean breakLease) {
        result(new StagePurge(progress()::plain).purge(opened, number(KEEP, keep), flag(DRY_RUN, dryRun), breakLease));
    }
}
