package dev.hover.maven;

import dev.hover.plugin.stage.ConsolePrompter;
import dev.hover.plugin.stage.Prompter;
import dev.hover.plugin.stage.StageDeletion;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;

/**
 * Deletes the stage from AWS: its stack, assets bucket, ECR repository and failed-jobs record, and
 * schedules its secrets key for deletion; {@code .hover/} is left alone (docs/stage-delete.md).
 */
@Mojo(name = "stage-delete", threadSafe = true)
public class StageDeleteMojo extends LeaseGoalMojo {
    static final String CONFIRM = "hover.confirm";

    /** The stage's name, typed ahead: what confirms the deletion where no terminal can ask for it. */
    @Parameter(property = CONFIRM)
    String confirm;

    @Override
    void run(StageSession opened, boolean breakLease) {
        Optional<Prompter> prompter = session.getRequest().isInteractiveMode() ? ConsolePrompter.ifTerminal() : Optional.empty();
        new StageDeletion(progress()::plain).delete(opened, text(CONFIRM, confirm), prompter, breakLease);
    }
}
