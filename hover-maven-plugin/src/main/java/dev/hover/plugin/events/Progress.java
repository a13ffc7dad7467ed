package dev.hover.plugin.events;

import dev.hover.plugin.aws.StackEvent;
import dev.hover.plugin.image.BuildLog;

import java.time.Duration;
import java.util.List;

/**
 * Where a goal's services report: each call is one {@link GoalEvent} handed to every listener.
 * It is also the image builder's {@link BuildLog}, so Jib's messages and progress are events too.
 */
public final class Progress implements BuildLog {
    private final List<GoalListener> listeners;

    public Progress(List<GoalListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static Progress to(GoalListener... listeners) {
        return new Progress(List.of(listeners));
    }

    public void emit(GoalEvent event) {
        listeners.forEach(listener -> listener.on(event));
    }

    public void step(String title) {
        emit(new GoalEvent.StepStarted(title));
    }

    public void stepDone(String title, Duration took, String result) {
        emit(new GoalEvent.StepFinished(title, took, result));
    }

    public void stepFailed(String title, Duration took, String message) {
        emit(new GoalEvent.StepFailed(title, took, message));
    }

    /** A detail of the step under way. */
    public void line(String text) {
        emit(new GoalEvent.Detail(text));
    }

    /** A line of its own, outside any step. */
    public void plain(String text) {
        emit(new GoalEvent.Line(text));
    }

    public void warning(String text) {
        emit(new GoalEvent.Warning(text));
    }

    public void failure(String text) {
        emit(new GoalEvent.Failure(text));
    }

    public void stackEvent(StackEvent event) {
        emit(new GoalEvent.StackProgress(event));
    }

    @Override
    public void info(String message) {
        plain(message);
    }

    @Override
    public void warn(String message) {
        warning(message);
    }

    @Override
    public void debug(String message) {
        emit(new GoalEvent.Debug(message));
    }

    @Override
    public void progress(int percent) {
        emit(new GoalEvent.ImageProgress(percent));
    }
}
