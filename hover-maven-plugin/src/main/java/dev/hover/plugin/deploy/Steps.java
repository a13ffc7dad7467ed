package dev.hover.plugin.deploy;

import dev.hover.plugin.events.Progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs the steps of a deploy one after the other, each a started and a finished (or failed) event, and records their times. */
final class Steps {
    /** What a step tells the person when it is done: a short result line. */
    record Outcome<T>(T value, String summary) {
        static <T> Outcome<T> of(T value, String summary) {
            return new Outcome<>(value, summary);
        }
    }

    private final Progress progress;
    private final Clock clock;
    private final List<StepTiming> timings = new ArrayList<>();
    private Runnable beforeEachStep = () -> { };

    Steps(Progress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** Runs before every later step, and may stop the deploy: e.g. a check that the stage's lease is still held. */
    void beforeEachStep(Runnable check) {
        beforeEachStep = check;
    }

    <T> T run(String title, Function<Progress, Outcome<T>> step) {
        beforeEachStep.run();
        progress.step(title);
        Instant start = clock.instant();
        try {
            Outcome<T> outcome = step.apply(progress);
            Duration took = Duration.between(start, clock.instant());
            timings.add(new StepTiming(title, took));
            progress.stepDone(title, took, outcome.summary());
            return outcome.value();
        } catch (RuntimeException e) {
            Duration took = Duration.between(start, clock.instant());
            timings.add(new StepTiming(title, took));
            progress.stepFailed(title, took, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    List<StepTiming> timings() {
        return List.copyOf(timings);
    }
}
