package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import dev.hover.plugin.stage.StageSession;

import java.io.IOException;

/** A goal on the stage's failed-jobs record (docs/jobs-and-commands.md). */
abstract class QueueGoalMojo extends HoverMojo {
    static final String JOB = "hover.job";

    /** What the goal does with the record, in the open stage. */
    abstract void run(FailedJobsService service, StageSession session);

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        try (StageSession session = openStage()) {
            run(new FailedJobsService(progress()::plain), session);
        }
    }
}
