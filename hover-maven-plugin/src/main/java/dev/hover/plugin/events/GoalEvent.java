package dev.hover.plugin.events;

import dev.hover.plugin.aws.StackEvent;

import java.time.Duration;
import java.util.Optional;

/**
 * What a goal reports while it runs. Services emit these through {@link Progress}; listeners
 * render them (the console, JSON lines for {@code -Dhover.output=json}); nothing prints directly.
 */
public sealed interface GoalEvent {
    /** A step of the goal began, e.g. {@code Image}. */
    record StepStarted(String step) implements GoalEvent {
    }

    /** A step ended well; {@code result} is its one-line result, possibly empty. */
    record StepFinished(String step, Duration took, String result) implements GoalEvent {
    }

    /** A step stopped the goal with {@code message}. */
    record StepFailed(String step, Duration took, String message) implements GoalEvent {
    }

    /** A line of its own: what the goal says about itself (the stage it opened, what it did). */
    record Line(String text) implements GoalEvent {
    }

    /** A detail of the step under way (a change of the change set, a published version). */
    record Detail(String text) implements GoalEvent {
    }

    /** Something worth a look that does not stop the goal. */
    record Warning(String text) implements GoalEvent {
    }

    /** What failed, in detail (a failed resource with its reason); the goal's own error follows. */
    record Failure(String text) implements GoalEvent {
    }

    /** An event of the stack being created or updated, as CloudFormation recorded it. */
    record StackProgress(StackEvent event) implements GoalEvent {
    }

    /** How far Jib is with an image, from its own progress events: {@code percent} of its work done. */
    record ImageProgress(int percent) implements GoalEvent {
    }

    /** For {@code mvn -X} only. */
    record Debug(String text) implements GoalEvent {
    }

    /**
     * The goal's end: the last event of every goal.
     *
     * @param result what the goal produced, for machines (e.g. the deploy's summary); may be absent
     * @param error  the problem, when the outcome is a failure
     * @param reason why the goal did nothing, when it was skipped
     */
    record GoalEnded(Outcome outcome, Optional<String> stage, Duration took, Optional<Object> result,
                     Optional<Error> error, Optional<String> reason) implements GoalEvent {
    }

    enum Outcome {
        SUCCESS, FAILURE, SKIPPED
    }

    /**
     * @param kind    the problem's family: {@code manifest}, {@code stage}, {@code parameter}, {@code aws},
     *                {@code deploy}, … ({@code HoverException.kind()}), or {@code maven}, {@code io},
     *                {@code internal} for what Hover did not explain
     * @param message what the build failure says
     */
    record Error(String kind, String message) {
    }
}
