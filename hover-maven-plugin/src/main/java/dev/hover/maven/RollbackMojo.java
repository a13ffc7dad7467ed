package dev.hover.maven;

import dev.hover.plugin.rollback.RollbackService;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * Moves the stage's {@code live} aliases back to the versions of the build released before the live one,
 * or of {@code hover.build} (docs/rollback.md).
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends HoverMojo {
    static final String BUILD = "hover.build";
    static final String DRY_RUN = "hover.dryRun";
    static final String BREAK_LEASE = "hover.breakLease";

    /** The build to roll to, e.g. {@code 20261126T174500Z-3f9a2c}; by default the one before the live build. */
    @Parameter(property = BUILD)
    String build;

    /** Print what would move, and move nothing. */
    @Parameter(property = DRY_RUN, defaultValue = "false")
    boolean dryRun;

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = BREAK_LEASE, defaultValue = "false")
    boolean breakLease;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        try (StageSession session = openStage()) {
            result(new RollbackService(progress()::plain).rollback(session, text(BUILD, build), flag(DRY_RUN, dryRun),
                    flag(BREAK_LEASE, breakLease)));
        }
    }
}
