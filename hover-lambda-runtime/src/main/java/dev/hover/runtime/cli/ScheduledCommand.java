package dev.hover.runtime.cli;

import dev.hover.model.schedule.CronExpression;

import java.time.ZonedDateTime;

/**
 * A command line that {@code schedule:run} runs in the minutes its cron expression selects.
 *
 * @param origin where the entry comes from: {@code manifest} or {@code application}
 */
public record ScheduledCommand(CronExpression cron, String command, String origin) {

    public boolean isDue(ZonedDateTime minute) {
        return cron.matches(minute);
    }
}
