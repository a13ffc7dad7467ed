package dev.hover.model;

import dev.hover.model.schedule.CronExpression;

/**
 * One entry of {@code schedule}: a command that {@code schedule:run} runs when {@code cron}
 * matches the current minute (UTC).
 *
 * @param cron    five fields: minute, hour, day of month, month, day of week (see {@link CronExpression})
 * @param command the command line, as given to {@code hover:command}
 */
public record ScheduleEntry(String cron, String command) {

    /** The parsed {@link #cron}; a validated manifest's entries always parse. */
    public CronExpression cronExpression() {
        return CronExpression.parse(cron);
    }
}
