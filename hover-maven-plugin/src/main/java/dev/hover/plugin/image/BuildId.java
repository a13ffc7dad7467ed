package dev.hover.plugin.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * Build ids: {@code 20261126T174500Z-3f9a2c}. The UTC time first makes them sort by time (to the
 * second); the random suffix keeps two builds of the same second apart.
 */
public final class BuildId {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}");

    private BuildId() {
    }

    /** Whether a name (an image tag, an assets prefix) is a build id: what {@code hover:stage-purge} may remove. */
    public static boolean is(String name) {
        return SHAPE.matcher(name).matches();
    }

    public static String next(Instant now, RandomGenerator random) {
        return TIME.format(now) + "-" + HexFormat.of().toHexDigits(random.nextInt()).substring(0, 6);
    }
}
