package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Dispatches failed jobs again onto the queues they came from, and removes them from the record. */
@Mojo(name = "queue-retry", threadSafe = true)
public class QueueRetryMojo extends QueueGoalMojo {
    /** The failed job's id ({@code hover:queue-failed} lists them), or {@code all}. */
    @Parameter(property = JOB)
    String job;

    @Override
    void run(FailedJobsService service, StageSession session) {
        service.retry(session, text(JOB, job).orElse(null));
    }
}
