package io.helidon.examples.quickstart.se;

import dev.hover.runtime.api.Job;
import dev.hover.runtime.api.JobContext;
import io.helidon.config.Config;

/** A queue job made with its public no-arg constructor (no dependency injection in Helidon SE). */
public class VisitJob implements Job<VisitJob.Visit> {
    public record Visit(String visitor) {
    }

    private final Greeter greeter = new Greeter(Config.global());

    @Override
    public void handle(Visit visit, JobContext context) {
        System.out.println("visit: " + greeter.greet(visit.visitor()));
    }
}
