package dev.hover.runtime.cli;

import dev.hover.model.schedule.CronExpression;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Schedule entries the application registered in code ({@link dev.hover.runtime.api.Schedule}). */
public final class ScheduleRegistry {
    private static final ScheduleRegistry SHARED = new ScheduleRegistry();

    private final List<ScheduledCommand> entries = new CopyOnWriteArrayList<>();

    public static ScheduleRegistry shared() {
        return SHARED;
    }

    /** @throws IllegalArgumentException when the cron expression or the command is not valid */
    public void register(String cron, String command) {
        if (command == null || CommandLine.split(command).isEmpty()) {
            throw new IllegalArgumentException("scheduled command for '" + cron + "' is empty");
        }
        entries.add(new ScheduledCommand(CronExpression.parse(cron), command, "application"));
    }

    /** In registration order. */
    public List<ScheduledCommand> entries() {
        return List.copyOf(entries);
    }
}
