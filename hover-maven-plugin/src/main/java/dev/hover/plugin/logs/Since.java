package dev.hover.plugin.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code -Dhover.since}: how far back to read, as an age ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or an instant. */
final class Since {
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Map<String, Duration> UNITS = Map.of(
            "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

    private Since() {
    }

    /** @throws LogsException when the value is neither, or lies in the future */
    static Instant parse(String value, Clock clock) {
        String since = value.strip();
        Matcher age = AGE.matcher(since);
        Instant now = clock.instant();
        if (age.matches()) {
            // whole seconds: the instant is shown in the goal's log
            return now.truncatedTo(ChronoUnit.SECONDS).minus(UNITS.get(age.group(2)).multipliedBy(Long.parseLong(age.group(1))));
        }
        Instant instant;
        try {
            instant = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new LogsException("hover.since: '" + value + "' is neither an age like 10m, 2h or 1d (s, m, h, d) "
                    + "nor an instant like 2026-11-26T09:30:00Z");
        }
        if (instant.isAfter(now)) {
            throw new LogsException("hover.since: " + value + " is in the future (it is " + now + ")");
        }
        return instant;
    }
}
