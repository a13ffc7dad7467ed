package dev.hover.plugin.logs;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.CredentialsResolver;
import dev.hover.plugin.aws.LogGroups;
import dev.hover.plugin.stage.StageSession;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code hover:logs} without Maven: prints the CloudWatch log events of a stage's functions,
 * interleaved by time, and with {@code follow} keeps polling for new ones.
 */
public final class LogTail {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** CloudWatch may make an event readable a while after its timestamp: each poll looks back this far, event ids say what was printed. */
    static final Duration LATE_ARRIVAL = Duration.ofMinutes(1);

    private final Consumer<String> log;
    private final PrintStream out;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param log gets what the goal says about itself (the stage, the functions, the time range)
     * @param out gets the log lines, and nothing else
     */
    public LogTail(Consumer<String> log, PrintStream out, Clock clock, Sleeper sleeper) {
        this.log = log;
        this.out = out;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Prints the events; with {@code follow}, returns once the wait between polls is interrupted
     * (the thread's interrupt status is then set again).
     *
     * @throws LogsException                                when the function or {@code since} is not one, or the stage has
     *                                                      no logs to read
     * @throws dev.hover.plugin.aws.AwsException             when AWS refused, with what to do about it
     */
    public void run(StageSession session, LogsRequest request) {
        Instant since = Since.parse(request.since(), clock);
        List<LogSource> selected = select(session.manifest(), request);
        LogGroups groups = new LogGroups(session.clients().logs());
        List<LogSource> sources = withLogGroups(selected, groups, session.manifest(), request);
        log.accept("Log events of " + sources.stream().map(LogSource::label).collect(Collectors.joining(", "))
                + " since " + since + request.filter().map(f -> " matching '" + f + "'").orElse(""));
        Poll poll = new Poll(groups, sources, request.filter(), new LogLines(out, sources));
        int printed = poll.printFrom(since);
        if (!request.follow()) {
            if (printed == 0) {
                log.accept("No log events since " + since);
            }
            return;
        }
        log.accept("Following: new events every " + POLL_INTERVAL.toSeconds() + " s; stop with Ctrl-C");
        follow(poll, since);
    }

    private void follow(Poll poll, Instant since) {
        while (true) {
            Instant pollStarts = clock.instant();
            try {
                sleeper.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // move the window on (so a quiet stage is not searched from `since` forever), late events included
            Instant from = latest(since, poll.latest(), pollStarts).minus(LATE_ARRIVAL);
            poll.printFrom(from.isBefore(since) ? since : from);
        }
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }

    private static List<LogSource> select(StageManifest manifest, LogsRequest request) {
        List<LogSource> all = LogSource.of(manifest);
        Optional<String> function = request.function().map(String::strip).filter(f -> !f.isEmpty());
        if (function.isEmpty()) {
            return all;
        }
        return List.of(all.stream().filter(source -> source.isNamed(function.get())).findFirst()
                .orElseThrow(() -> new LogsException("hover.function: the stage " + manifest.stage() + " has no function '"
                        + function.get() + "'; its functions are " + labels(all))));
    }

    /** The selected sources whose log group exists; the template makes them, so a missing one was not deployed yet. */
    private List<LogSource> withLogGroups(List<LogSource> selected, LogGroups groups, StageManifest manifest,
                                          LogsRequest request) {
        String deployFirst = "deploy the stage first (mvn deploy -Dhover.stage=" + manifest.stage() + ")";
        Set<String> existing = groups.existing(Names.of(manifest).logGroup(manifest.name() + "-"));
        List<LogSource> present = selected.stream().filter(source -> existing.contains(source.logGroup())).toList();
        List<LogSource> missing = selected.stream().filter(source -> !present.contains(source)).toList();
        if (existing.isEmpty()) {
            throw new LogsException("The stage " + manifest.stage() + " has no log groups in " + manifest.region()
                    + " (" + Names.of(manifest).logGroup(manifest.name() + "-*") + "): " + deployFirst);
        }
        if (present.isEmpty()) {
            LogSource source = missing.get(0);
            throw new LogsException("No logs yet for " + source.label() + ": the log group " + source.logGroup()
                    + " does not exist in " + manifest.region() + "; the function is in the manifest but was not deployed: "
                    + deployFirst);
        }
        missing.forEach(source -> log.accept("No logs yet for " + source.label() + ": no log group " + source.logGroup()
                + " (not deployed yet)"));
        return present;
    }

    private static String labels(List<LogSource> sources) {
        return sources.stream().map(LogSource::label).collect(Collectors.joining(", "));
    }

    /** Reads every source from an instant on, merges by time, prints what was not printed yet. */
    private static final class Poll {
        private final LogGroups groups;
        private final List<LogSource> sources;
        private final Optional<String> filter;
        private final LogLines lines;
        /** group and event id of what was printed, with the event's time, so a window that overlaps the last one repeats nothing */
        private final Map<String, Instant> printed = new HashMap<>();
        private Instant latest = Instant.EPOCH;

        Poll(LogGroups groups, List<LogSource> sources, Optional<String> filter, LogLines lines) {
            this.groups = groups;
            this.sources = sources;
            this.filter = filter;
            this.lines = lines;
        }

        Instant latest() {
            return latest;
        }

        int printFrom(Instant from) {
            printed.values().removeIf(time -> time.isBefore(from));
            PriorityQueue<Head> heads = new PriorityQueue<>(
                    Comparator.comparingLong((Head head) -> head.event.timestamp()).thenComparingInt(head -> head.index));
            for (int i = 0; i < sources.size(); i++) {
                Head.next(sources.get(i), i, groups.events(sources.get(i).logGroup(), from, filter)).ifPresent(heads::add);
            }
            int count = 0;
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                Instant time = Instant.ofEpochMilli(head.event.timestamp());
                if (printed.putIfAbsent(head.source.logGroup() + " " + head.event.eventId(), time) == null) {
                    lines.print(head.source, head.event);
                    count++;
                    latest = time.isAfter(latest) ? time : latest;
                }
                Head.next(head.source, head.index, head.rest).ifPresent(heads::add);
            }
            return count;
        }
    }

    /** The next event of one source, and the rest of its events. */
    private record Head(LogSource source, int index, FilteredLogEvent event, Iterator<FilteredLogEvent> rest) {
        static Optional<Head> next(LogSource source, int index, Iterator<FilteredLogEvent> events) {
            return events.hasNext() ? Optional.of(new Head(source, index, events.next(), events)) : Optional.empty();
        }
    }
}
