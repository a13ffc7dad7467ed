package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;

/** Lists the stage's failed jobs: id, job class, queue, when it failed, why, the exception's first line. */
@Mojo(name = "queue-failed", threadSafe = true)
public class QueueFailedMojo extends QueueGoalMojo {
    @Override
    String action() {
        return "list the failed jobs";
    }

    @Override
    void run(FailedJobsService service) throws IOException {
        service.list(stage, profile());
    }
}
