package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the blobs a push really uploaded, from Jib's progress and timer events: Jib opens a
 * progress allocation ("pushing blob sha256:…", as many units as the blob has bytes) for each blob it
 * may push, and times the push. The bytes it writes are reported while the push is timed; a blob
 * the registry already has (or mounts from another repository) gets no bytes then, and Jib settles
 * its allocation only after the timer has stopped. Blobs Jib knew to be in the target beforehand get
 * neither event.
 */
public final class UploadTally {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String PUSHING = "pushing blob ";
    private static final String PUSH_TIMER = "Pushing BLOB ";

    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();

    void accept(JibEvent event) {
        if (event instanceof ProgressEvent progress && progress.getAllocation().getDescription().startsWith(PUSHING)) {
            digest(progress.getAllocation().getDescription()).ifPresent(digest -> {
                sizes.put(digest, progress.getAllocation().getAllocationUnits());
                if (!finished.containsKey(digest)) {
                    written.merge(digest, progress.getUnits(), Long::sum);
                }
            });
        } else if (event instanceof TimerEvent timer && timer.getState() == TimerEvent.State.FINISHED
                && timer.getDescription().startsWith(PUSH_TIMER)) {
            digest(timer.getDescription()).ifPresent(digest -> finished.put(digest, true));
        }
    }

    /** Digest → size of every blob uploaded, layers and the image configuration. */
    public Map<String, Long> uploaded() {
        Map<String, Long> uploaded = new LinkedHashMap<>();
        sizes.forEach((digest, size) -> {
            if (written.getOrDefault(digest, 0L) > 0) {
                uploaded.put(digest, size);
            }
        });
        return uploaded;
    }

    /** Bytes uploaded, not counting the image configuration {@code imageId}. */
    public long layerBytes(String imageId) {
        return uploaded().entrySet().stream().filter(e -> !e.getKey().equals(imageId))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Optional<String> digest(String text) {
        Matcher matcher = DIGEST.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
