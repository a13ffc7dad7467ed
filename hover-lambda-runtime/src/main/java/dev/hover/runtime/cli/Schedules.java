package dev.hover.runtime.cli;

import dev.hover.model.ScheduleEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The whole schedule: the manifest's entries, then those the application registered. */
final class Schedules implements Supplier<List<ScheduledCommand>> {
    private final List<ScheduledCommand> manifest;
    private final ScheduleRegistry application;

    Schedules(List<ScheduleEntry> manifest, ScheduleRegistry application) {
        this.manifest = manifest.stream()
                .map(e -> new ScheduledCommand(e.cronExpression(), e.command(), "manifest"))
                .toList();
        this.application = application;
    }

    @Override
    public List<ScheduledCommand> get() {
        List<ScheduledCommand> all = new ArrayList<>(manifest);
        all.addAll(application.entries());
        return all;
    }
}
