package dev.hover.plugin.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Build ids: {@code 20261126T174500Z-3f9a2c}. The UTC time first makes them sort by time (to the
 * second); the random suffix keeps two builds of the same second apart.
 */
public final class BuildId {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BuildId() {
    }

    public static String next(Instant now, RandomGenerator random) {
        return TIME.format(now) + "-" + HexFormat.of().toHexDigits(random.nextInt()).substring(0, 6);
    }
}
