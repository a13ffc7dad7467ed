package dev.hover.maven;

import dev.hover.plugin.rollback.RollbackService;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves the stage's {@code live} aliases back to the versions of the build released before the live one,
 * or of {@code hover.build} (docs/rollback.md).
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends LeaseGoalMojo {
    static final String BUILD = "hover.build";

    /** The build to roll to, e.g. {@code 20261126T174500Z-3f9a2c}; by default the one before the live build. */
    @Parameter(property = BUILD)
    String build;

    /** Print what would move, and move nothing. */
    @Parameter(property = DRY_RUN, defaultValue = "false")
    boolean dryRun;

    @Override
    void run(StageSession opened, boolean breakLease) {
        result(new RollbackService(progress()::plain).rollback(opened, text(BUILD, build), flag(DRY_RUN, dryRun), breakLease));
    }
}
