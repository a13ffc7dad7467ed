package dev.hover.plugin.image;

import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the blobs a push really uploaded, from Jib's events: Jib opens a "pushing blob" progress
 * allocation for each blob it may push, and logs "Skipping push; BLOB already exists" when the registry has it.
 * Blobs Jib knew to be in the target beforehand get neither. A blob mounted from another repository
 * of the same registry counts as uploaded (Jib does not tell the two apart).
 */
public final class UploadTally {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String PUSHING = "pushing blob ";
    private static final String ALREADY_THERE = "BLOB already exists on target registry";

    private final Map<String, Long> considered = new ConcurrentHashMap<>();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();

    void accept(JibEvent event) {
        if (event instanceof ProgressEvent progress
                && progress.getAllocation().getDescription().startsWith(PUSHING)) {
            digest(progress.getAllocation().getDescription())
                    .ifPresent(d -> considered.put(d, progress.getAllocation().getAllocationUnits()));
        } else if (event instanceof LogEvent log && log.getMessage().contains(ALREADY_THERE)) {
            digest(log.getMessage()).ifPresent(skipped::add);
        }
    }

    /** Digest → size of every blob uploaded, layers and the image configuration. */
    public Map<String, Long> uploaded() {
        Map<String, Long> uploaded = new LinkedHashMap<>();
        considered.forEach((digest, size) -> {
            if (!skipped.contains(digest)) {
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
