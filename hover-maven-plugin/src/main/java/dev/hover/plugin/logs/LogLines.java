package dev.hover.plugin.logs;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * Prints events as {@code time  function  message}, plain text: the time in UTC to the millisecond,
 * the function's label padded so messages line up, and a message's further lines indented under its first.
 */
final class LogLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String GAP = "  ";

    private final PrintStream out;
    private final int labelWidth;
    private final String continuation;

    LogLines(PrintStream out, Collection<LogSource> sources) {
        this.out = out;
        this.labelWidth = sources.stream().mapToInt(source -> source.label().length()).max().orElse(0);
        this.continuation = "\n" + " ".repeat(TIME.format(Instant.EPOCH).length() + GAP.length() + labelWidth + GAP.length());
    }

    void print(LogSource source, FilteredLogEvent event) {
        // Lambda ends each event with the newline the function wrote
        String message = event.message().stripTrailing().replace("\r\n", "\n").replace("\n", continuation);
        out.println(TIME.format(Instant.ofEpochMilli(event.timestamp())) + GAP
                + String.format("%-" + labelWidth + "s", source.label()) + GAP + message);
    }
}
