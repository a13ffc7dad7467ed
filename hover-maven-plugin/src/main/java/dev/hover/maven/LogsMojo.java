package dev.hover.maven;

import dev.hover.plugin.logs.LogTail;
import dev.hover.plugin.logs.LogsRequest;
import dev.hover.plugin.logs.Sleeper;
import dev.hover.plugin.stage.StageSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.time.Clock;

/**
 * Prints the CloudWatch log events of the stage's functions on standard output, interleaved by time;
 * {@code -Dhover.follow} keeps printing new ones until interrupted (docs/logs.md).
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends HoverMojo {
    static final String FUNCTION = "hover.function";
    static final String SINCE = "hover.since";
    static final String FILTER = "hover.filter";
    static final String FOLLOW = "hover.follow";

    /** {@code http}, {@code cli} or a queue function (its key under {@code queue}); all of them when absent. */
    @Parameter(property = FUNCTION)
    String function;

    /** How far back: an age ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or an instant ({@code 2026-11-26T09:30:00Z}). */
    @Parameter(property = SINCE, defaultValue = LogsRequest.DEFAULT_SINCE)
    String since;

    /** A CloudWatch Logs filter pattern, e.g. {@code ERROR} or {@code "payment failed"}. */
    @Parameter(property = FILTER)
    String filter;

    /** Keep polling for new events (every 2 s) until interrupted. */
    @Parameter(property = FOLLOW, defaultValue = "false")
    boolean follow;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException {
        LogsRequest request = new LogsRequest(text(FUNCTION, function), text(SINCE, since).orElse(LogsRequest.DEFAULT_SINCE),
                text(FILTER, filter), flag(FOLLOW, follow));
        try (StageSession session = openStage()) {
            // standard output, not the log: `mvn -q hover:logs … > out.txt` keeps just the log lines
            new LogTail(progress()::plain, System.out, Clock.systemUTC(), Sleeper.THREAD).run(session, request);
        }
    }
}
