package dev.hover.plugin.deploy;

import java.time.Duration;

/** How long one step of a deploy took. */
public record StepTiming(String step, Duration took) {
}
