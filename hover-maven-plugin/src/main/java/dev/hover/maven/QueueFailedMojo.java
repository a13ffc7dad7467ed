package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the stage's failed jobs: id, job class, queue, when it failed, why, the exception's first line. */
@Mojo(name = "queue-failed", threadSafe = true)
public class QueueFailedMojo extends QueueGoalMojo {
    @Override
    void run(FailedJobsService service, StageSession session) {
        service.list(session);
    }
}
