package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/** Removes a failed job from the stage's failed-jobs record, without running it. */
@Mojo(name = "queue-forget", threadSafe = true)
public class QueueForgetMojo extends QueueGoalMojo {
    /** The failed job's id ({@code hover:queue-failed} lists them). */
    @Parameter(property = "hover.job")
    String job;

    @Override
    String action() {
        return "forget a failed job";
    }

    @Override
    void run(FailedJobsService service) throws IOException {
        service.forget(stage, profile(), job);
    }
}
