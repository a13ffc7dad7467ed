package dev.hover.plugin.image;

/** Where the build reports: its messages, and Jib's progress. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /**
     * Jib's progress with an image, from its own progress events, every tenth of the work.
     *
     * @param percent of Jib's work done, 0 to 100
     */
    void progress(int percent);
}
