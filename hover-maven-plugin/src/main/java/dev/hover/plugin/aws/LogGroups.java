package dev.hover.plugin.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** CloudWatch Logs, as {@code hover:logs} reads it: which log groups exist, and their events. */
public final class LogGroups {
    private final CloudWatchLogsClient logs;

    public LogGroups(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    /** The names of the log groups whose names start with {@code prefix}. */
    public Set<String> existing(String prefix) {
        return AwsErrors.explain("list the log groups " + prefix + "*",
                () -> logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix)).logGroups().stream()
                        .map(LogGroup::logGroupName)
                        .collect(Collectors.toSet()));
    }

    /**
     * The group's events from {@code from} on, oldest first, across its streams; pages are fetched
     * as the iterator reaches them, so a long time range is never held in memory.
     *
     * @param pattern a CloudWatch filter pattern
     */
    @SuppressWarnings("deprecation") // interleaved: AWS always interleaves now; said so because the merge relies on it
    public Iterator<FilteredLogEvent> events(String group, Instant from, Optional<String> pattern) {
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                .logGroupName(group)
                .startTime(from.toEpochMilli())
                .interleaved(true);
        pattern.ifPresent(request::filterPattern);
        String doing = "read the log group " + group + pattern.map(p -> " with the filter pattern '" + p + "'").orElse("");
        Iterator<FilteredLogEvent> events = AwsErrors.explain(doing,
                () -> logs.filterLogEventsPaginator(request.build()).events().iterator());
        // the pages after the first are fetched inside hasNext
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return events.hasNext();
                } catch (SdkException e) {
                    throw AwsErrors.explain(doing, e);
                }
            }

            @Override
            public FilteredLogEvent next() {
                return events.next();
            }
        };
    }
}
