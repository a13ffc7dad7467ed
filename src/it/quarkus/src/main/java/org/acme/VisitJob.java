package org.acme;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A queue job made by CDI with its constructor's bean (HoverBeans registers the factory). */
@Dependent
@Unremovable
public class VisitJob implements Job<VisitJob.Visit> {
    public record Visit(String visitor) {
    }

    private final Greeter greeter;

    @Inject
    public VisitJob(Greeter greeter) {
        this.greeter = greeter;
    }

    @Override
    public void handle(Visit visit, JobContext context) {
        System.out.println("visit: " + greeter.greet(visit.visitor()));
    }
}
