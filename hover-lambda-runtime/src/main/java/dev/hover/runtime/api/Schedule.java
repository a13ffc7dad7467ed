package dev.hover.runtime.api;

import dev.hover.runtime.cli.ScheduleRegistry;

/**
 * Adds entries to the schedule that the built-in {@code schedule:run} command runs every minute,
 * next to the manifest's {@code schedule}. Call it while the application starts.
 */
public final class Schedule {
    private Schedule() {
    }

    /**
     * @param cron    five fields (minute, hour, day of month, month, day of week), evaluated in UTC
     * @param command a command line, as given to {@code hover:command}
     * @throws IllegalArgumentException when {@code cron} is not a valid expression
     */
    public static void register(String cron, String command) {
        ScheduleRegistry.shared().register(cron, command);
    }
}
