package dev.hover.plugin.events;

/** Renders a goal's events; called from the goal's threads (Jib reports from its own), so it must be thread-safe. */
@FunctionalInterface
public interface GoalListener {
    void on(GoalEvent event);
}
