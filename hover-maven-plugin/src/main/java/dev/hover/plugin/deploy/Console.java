package dev.hover.plugin.deploy;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a person watching a deploy reads. Lines go to a sink (Maven's log, or a stream); bold and
 * colour only when writing to a terminal, so CI logs and files stay plain ASCII.
 */
public final class Console {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";

    private final Consumer<String> sink;
    private final boolean ansi;

    public Console(Consumer<String> sink, boolean ansi) {
        this.sink = sink;
        this.ansi = ansi;
    }

    /** Whether this process writes to a terminal that understands ANSI (and nobody asked for no colour). */
    public static boolean terminalSupportsAnsi() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && System.getenv("CI") == null
                && term != null && !"dumb".equals(term);
    }

    public void step(String title) {
        sink.accept(style(BOLD, "==> " + title));
    }

    public void stepDone(String title, Duration took, String result) {
        sink.accept(style(GREEN, "    done") + " " + title + (result.isEmpty() ? "" : ": " + result) + " (" + seconds(took) + ")");
    }

    public void line(String text) {
        sink.accept("    " + text);
    }

    public void warn(String text) {
        sink.accept(style(YELLOW, "    warning: ") + text);
    }

    public void failure(String text) {
        sink.accept(style(RED, "    FAILED: ") + text);
    }

    /** A line of its own, unindented: the summary. */
    public void plain(String text) {
        sink.accept(text);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private String style(String code, String text) {
        return ansi ? code + text + RESET : text;
    }
}
