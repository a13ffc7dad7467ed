package dev.hover.maven;

import dev.hover.plugin.stage.ConsolePrompter;
import dev.hover.plugin.stage.Prompter;
import dev.hover.plugin.stage.StageDeletion;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.Optional;

/**
 * Deletes the stage from AWS: its stack, assets bucket, ECR repository and failed-jobs record, and
 * schedules its secrets key for deletion; {@code .hover/} is left alone (docs/stage-delete.md).
 */
@Mojo(name = "stage-delete", threadSafe = true)
public class StageDeleteMojo extends HoverMojo {
    static final String CONFIRM = "hover.confirm";
    static final String BREAK_LEASE = "hover.breakLease";

    /** The stage's name, typed ahead: what confirms the deletion where no terminal can ask for it. */
    @Parameter(property = CONFIRM)
    String confirm;

    /** Take the stage's lease even from a deploy or rollback whose lease has not lapsed: one that was killed. */
    @Parameter(property = BREAK_LEASE, defaultValue = "false")
    boolean breakLease;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        Optional<Prompter> prompter = session.getRequest().isInteractiveMode() ? ConsolePrompter.ifTerminal() : Optional.empty();
        try (StageSession stage = openStage()) {
            new StageDeletion(progress()::plain).delete(stage, text(CONFIRM, confirm), prompter, flag(BREAK_LEASE, breakLease));
        }
    }
}
