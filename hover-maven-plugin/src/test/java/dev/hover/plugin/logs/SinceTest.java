package dev.hover.plugin.logs;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void anAgeCountsBackFromNow() {
        assertThat(Since.parse("30s", CLOCK)).isEqualTo("2026-11-26T11:59:30Z");
        assertThat(Since.parse("10m", CLOCK)).isEqualTo("2026-11-26T11:50:00Z");
        assertThat(Since.parse(" 2h ", CLOCK)).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(Since.parse("1d", CLOCK)).isEqualTo("2026-11-25T12:00:00Z");
    }

    @Test
    void anInstantInUtcOrWithAnOffset() {
        assertThat(Since.parse("2026-11-26T09:30:00Z", CLOCK)).isEqualTo("2026-11-26T09:30:00Z");
        assertThat(Since.parse("2026-11-26T10:30:00+01:00", CLOCK)).isEqualTo("2026-11-26T09:30:00Z");
    }

    @Test
    void neitherIsRefused() {
        for (String bad : new String[] {"", "10", "10x", "-5m", "yesterday", "2026-11-26"}) {
            assertThatThrownBy(() -> Since.parse(bad, CLOCK))
                    .isInstanceOf(LogsException.class)
                    .hasMessageStartingWith("hover.since: '" + bad + "' is neither an age");
        }
    }

    @Test
    void theFutureIsRefused() {
        assertThatThrownBy(() -> Since.parse("2026-11-26T13:00:00Z", CLOCK))
                .isInstanceOf(LogsException.class)
                .hasMessage("hover.since: 2026-11-26T13:00:00Z is in the future (it is 2026-11-26T12:00:00Z)");
    }
}
