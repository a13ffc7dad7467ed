package dev.hover.maven;

import dev.hover.plugin.queue.FailedJobsService;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/** Dispatches failed jobs again onto the queues they came from, and removes them from the record. */
@Mojo(name = "queue-retry", threadSafe = true)
public class QueueRetryMojo extends QueueGoalMojo {
    /** The failed job's id ({@code hover:queue-failed} lists them), or {@code all}. */
    @Parameter(property = "hover.job")
    String job;

    @Override
    String action() {
        return "retry failed jobs";
    }

    @Override
    void run(FailedJobsService service) throws IOException {
        service.retry(stage, profile(), job);
    }
}
