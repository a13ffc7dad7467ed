package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Removes a failed job from the stage's failed-jobs record, without running it. */
@Mojo(name = "queue-forget", threadSafe = true)
public class QueueForgetMojo extends QueueGoalMojo {
    /** The failed job's id ({@code hover:queue-failed} lists them). */
    @Parameter(property = JOB)
    String job;

    @Override
    void run(FailedJobsService service, StageSession session) {
        service.forget(session, text(JOB, job).orElse(null));
    }
}
