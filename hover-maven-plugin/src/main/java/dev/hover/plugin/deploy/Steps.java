package dev.hover.plugin.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs the steps of a deploy one after the other, announcing each and recording its time. */
final class Steps {
    /** What a step tells the person when it is done: a short result line. */
    record Outcome<T>(T value, String summary) {
        static <T> Outcome<T> of(T value, String summary) {
            return new Outcome<>(value, summary);
        }
    }

    private final Console console;
    private final Clock clock;
    private final List<StepTiming> timings = new ArrayList<>();
    private Runnable beforeEachStep = () -> { };

    Steps(Console console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    /** Runs before every later step, and may stop the deploy: e.g. a check that the stage's lease is still held. */
    void beforeEachStep(Runnable check) {
        beforeEachStep = check;
    }

    <T> T run(String title, Function<Console, Outcome<T>> step) {
        beforeEachStep.run();
        console.step(title);
        Instant start = clock.instant();
        try {
            Outcome<T> outcome = step.apply(console);
            Duration took = Duration.between(start, clock.instant());
            timings.add(new StepTiming(title, took));
            console.stepDone(title, took, outcome.summary());
            return outcome.value();
        } catch (RuntimeException e) {
            timings.add(new StepTiming(title, Duration.between(start, clock.instant())));
            throw e;
        }
    }

    List<StepTiming> timings() {
        return List.copyOf(timings);
    }
}
