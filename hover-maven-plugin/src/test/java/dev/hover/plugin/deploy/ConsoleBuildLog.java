package dev.hover.plugin.deploy;

import dev.hover.plugin.image.BuildLog;

import java.util.List;

/** The image module's messages, kept with the deploy's output for the assertions. */
final class ConsoleBuildLog implements BuildLog {
    private final List<String> lines;

    ConsoleBuildLog(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("warning: " + message);
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void progress(int percent) {
    }
}
