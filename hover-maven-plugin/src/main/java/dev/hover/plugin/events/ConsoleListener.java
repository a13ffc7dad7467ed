package dev.hover.plugin.events;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a person watching a goal reads. Lines go to a sink (Maven's log); bold and colour only when
 * asked for (Maven's own colour setting: off under {@code -B}, without a terminal, or with
 * {@code -Dstyle.color=never}), so CI logs and files stay plain ASCII.
 */
public final class ConsoleListener implements GoalListener {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";

    private final Consumer<String> sink;
    private final Consumer<String> warn;
    private final Consumer<String> debug;
    private final boolean ansi;
    private final DateTimeFormatter eventTime;

    /**
     * Warnings go to {@code sink} too, as indented {@code warning:} lines.
     *
     * @param debug gets Jib's debug messages ({@code mvn -X})
     * @param zone  the zone of the stack events' times
     */
    public ConsoleListener(Consumer<String> sink, Consumer<String> debug, boolean ansi, ZoneId zone) {
        this(sink, null, debug, ansi, zone);
    }

    /** @param warn gets the warnings as they are (Maven's own warning level marks them) */
    public ConsoleListener(Consumer<String> sink, Consumer<String> warn, Consumer<String> debug, boolean ansi, ZoneId zone) {
        this.sink = sink;
        this.warn = warn;
        this.debug = debug;
        this.ansi = ansi;
        this.eventTime = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    @Override
    public void on(GoalEvent event) {
        // Maven says how the build ended, and a failed goal's error is its failure message: GoalEnded prints nothing
        if (event instanceof GoalEvent.Debug message) {
            debug.accept(message.text());
        } else if (event instanceof GoalEvent.Warning warning && warn != null) {
            warn.accept(warning.text());
        } else if (!(event instanceof GoalEvent.GoalEnded)) {
            sink.accept(render(event));
        }
    }

    private String render(GoalEvent event) {
        if (event instanceof GoalEvent.StepStarted started) {
            return style(BOLD, "==> " + started.step());
        } else if (event instanceof GoalEvent.StepFinished done) {
            return style(GREEN, "    done") + " " + done.step() + (done.result().isEmpty() ? "" : ": " + done.result())
                    + " (" + seconds(done.took()) + ")";
        } else if (event instanceof GoalEvent.StepFailed failed) {
            return style(RED, "    failed") + " " + failed.step() + " (" + seconds(failed.took()) + ")";
        } else if (event instanceof GoalEvent.Line line) {
            return line.text();
        } else if (event instanceof GoalEvent.Detail detail) {
            return "    " + detail.text();
        } else if (event instanceof GoalEvent.Warning warning) {
            return style(YELLOW, "    warning: ") + warning.text();
        } else if (event instanceof GoalEvent.Failure failure) {
            return style(RED, "    FAILED: ") + failure.text();
        } else if (event instanceof GoalEvent.StackProgress progress) {
            return "    " + progress.event().line(eventTime);
        } else if (event instanceof GoalEvent.ImageProgress progress) {
            return "    image " + progress.percent() + "%";
        }
        throw new IllegalArgumentException("no rendering for " + event);
    }

    /** {@code 4.2 s} */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private String style(String code, String text) {
        return ansi ? code + text + RESET : text;
    }
}
