package dev.hover.plugin.logs;

import java.util.Optional;

/**
 * What {@code hover:logs} was asked for.
 *
 * @param function {@code http}, {@code cli} or a queue function; empty for all of them
 * @param since    an age ({@code 10m}) or an instant
 * @param filter   a CloudWatch filter pattern
 * @param follow   keep polling for new events until interrupted
 */
public record LogsRequest(Optional<String> function, String since, Optional<String> filter, boolean follow) {
    public static final String DEFAULT_SINCE = "10m";
}
