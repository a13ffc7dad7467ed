package dev.hover.plugin.image;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a build logged, for assertions. */
final class RecordingLog implements BuildLog {
    final List<String> info = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<Integer> progress = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        info.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void progress(int percent) {
        progress.add(percent);
    }
}
