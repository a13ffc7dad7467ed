package demo;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;

/** A queue job: not a bean, yet made by the application context with its constructor's bean. */
public class VisitJob implements Job<VisitJob.Visit> {
    public record Visit(String visitor) {
    }

    private final Greeter greeter;

    public VisitJob(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public void handle(Visit visit, JobContext context) {
        System.out.println("visit: " + greeter.greet(visit.visitor()));
    }
}
