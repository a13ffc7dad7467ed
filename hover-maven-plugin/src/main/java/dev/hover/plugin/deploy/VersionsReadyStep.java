package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.Functions;
import dev.hover.plugin.aws.VersionState;
import dev.hover.plugin.events.Progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Waits until every newly published version can run. With SnapStart, publishing a version starts
 * its init and snapshot and the version stays {@code Pending} until the snapshot is made; warming
 * or releasing it before that would fail or wait inside Lambda. A version that ends
 * {@code Failed} stops the deploy with Lambda's reason, before {@code live} moves.
 */
final class VersionsReadyStep {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final Functions functions;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration timeout;

    VersionsReadyStep(Functions functions, Clock clock, Duration pollInterval, Duration timeout) {
        this.functions = functions;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /**
     * @param versions  function name to the version just published
     * @param snapStart the functions with SnapStart on (named in the lines, which say "snapshot")
     */
    Steps.Outcome<Void> run(Map<String, String> versions, LiveRelease live, Set<String> snapStart, Progress progress) {
        Instant start = clock.instant();
        Map<String, String> waiting = new LinkedHashMap<>();
        versions.forEach((fn, version) -> {
            if (!version.equals(live.versions().get(fn))) {
                waiting.put(fn, version);
            }
        });
        Instant nextProgress = start.plus(PROGRESS_EVERY);
        while (true) {
            waiting.entrySet().removeIf(entry -> {
                String fn = entry.getKey();
                VersionState state = functions.versionState(fn, entry.getValue());
                if (state.failed()) {
                    throw new DeployException(fn + ":" + entry.getValue() + " failed to become ready"
                            + (snapStart.contains(fn) ? " (its SnapStart init and snapshot)" : "") + ": "
                            + state.reasonCode() + ": " + state.reason() + ". live still points at the previous "
                            + "versions; the init's output is in the log group /aws/lambda/" + fn);
                }
                if (!state.pending()) {
                    Duration took = Duration.between(start, clock.instant());
                    if (snapStart.contains(fn)) {
                        progress.line(fn + ":" + entry.getValue() + ": snapshot ready after " + seconds(took));
                    }
                    return true;
                }
                return false;
            });
            Instant now = clock.instant();
            if (waiting.isEmpty()) {
                return Steps.Outcome.of(null, snapStart.isEmpty() ? "ready"
                        : "ready, snapshots of " + String.join(", ", snapStart) + " made");
            }
            if (Duration.between(start, now).compareTo(timeout) > 0) {
                throw new DeployException("Still pending after " + seconds(timeout) + ": " + describe(waiting)
                        + ". live still points at the previous versions; the versions may still become ready "
                        + "(GetFunctionConfiguration shows their State)");
            }
            if (!now.isBefore(nextProgress)) {
                progress.line("waiting for " + describe(waiting) + " (" + seconds(Duration.between(start, now)) + ")");
                nextProgress = now.plus(PROGRESS_EVERY);
            }
            pause();
        }
    }

    private static String describe(Map<String, String> waiting) {
        StringBuilder text = new StringBuilder();
        waiting.forEach((fn, version) -> text.append(text.length() == 0 ? "" : ", ").append(fn).append(':').append(version));
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for the new versions to become ready");
        }
    }
}
