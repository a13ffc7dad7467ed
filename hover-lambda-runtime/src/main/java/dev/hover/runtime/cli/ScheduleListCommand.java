package dev.hover.runtime.cli;

import dev.hover.runtime.api.Command;
import dev.hover.runtime.api.CommandContext;

import java.util.List;
import java.util.function.Supplier;

/** {@code schedule:list}: every schedule entry, with where it comes from. */
final class ScheduleListCommand implements Command {
    private final Supplier<List<ScheduledCommand>> schedule;

    ScheduleListCommand(Supplier<List<ScheduledCommand>> schedule) {
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "schedule:list";
    }

    @Override
    public String description() {
        return "Lists the schedule entries (cron, command, origin)";
    }

    @Override
    public int run(CommandContext context) {
        List<ScheduledCommand> entries = schedule.get();
        if (entries.isEmpty()) {
            context.out().println("The schedule is empty.");
            return 0;
        }
        int width = entries.stream().mapToInt(e -> e.cron().toString().length()).max().orElse(0);
        for (ScheduledCommand entry : entries) {
            String cron = entry.cron().toString();
            context.out().println(cron + " ".repeat(width - cron.length() + 2) + entry.command() + "  (" + entry.origin() + ")");
        }
        return 0;
    }
}
