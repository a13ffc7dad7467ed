package dev.hover.model;

/**
 * One entry of {@code schedule}: a command that {@code schedule:run} runs when {@code cron}
 * matches the current minute (UTC).
 *
 * @param cron    five fields: minute, hour, day of month, month, day of week
 * @param command the command line, as given to {@code hover:command}
 */
public record ScheduleEntry(String cron, String command) {
}
