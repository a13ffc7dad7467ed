package dev.hover.maven;

import org.apache.maven.shared.utils.logging.MessageUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the console is coloured: Maven's own decision, as its command line records it in
 * {@code MessageUtils} (through jansi, which Maven provides), and {@code NO_COLOR}. Maven's command
 * line itself (which turns colour off for {@code -B}, {@code -Dstyle.color=never} and, with
 * {@code auto}, without a terminal) is not run here.
 */
class ConsoleColourTest {
    private boolean before;

    @BeforeEach
    void remember() {
        before = MessageUtils.isColorEnabled();
    }

    @AfterEach
    void restore() {
        MessageUtils.setColorEnabled(before);
    }

    @Test
    void followsMavensOwnDecision() {
        // what Maven's command line does for -B and -Dstyle.color=never
        MessageUtils.setColorEnabled(false);
        assertThat(HoverMojo.coloured(MessageUtils.isColorEnabled(), Map.of())).isFalse();

        // for -Dstyle.color=always, and for auto on a terminal
        MessageUtils.setColorEnabled(true);
        assertThat(HoverMojo.coloured(MessageUtils.isColorEnabled(), Map.of())).isTrue();
    }

    @Test
    void noColorSetToAnythingTurnsItOff() {
        assertThat(HoverMojo.coloured(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(HoverMojo.coloured(true, Map.of("NO_COLOR", ""))).as("set to nothing, as no-color.org says").isTrue();
        assertThat(HoverMojo.coloured(false, Map.of())).isFalse();
    }
}
