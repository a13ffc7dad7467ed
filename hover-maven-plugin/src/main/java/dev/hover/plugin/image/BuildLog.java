package dev.hover.plugin.image;

/** Where the build reports progress; the Mojo adapts Maven's log to it. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);
}
