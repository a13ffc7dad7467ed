package dev.hover.plugin.logs;

import java.time.Duration;

/** How {@code hover:logs -Dhover.follow} waits between polls; interrupting the wait ends the follow. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
