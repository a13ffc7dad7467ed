package com.example;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import io.micronaut.context.annotation.Prototype;

/** A queue job made by the bean context with its constructor's bean (HoverBeans registers the factory). */
@Prototype
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
