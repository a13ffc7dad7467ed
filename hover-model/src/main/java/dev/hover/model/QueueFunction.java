package dev.hover.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * {@code queue.<fn>}: a function that works on jobs from one or more queues.
 *
 * @param function    the function's name, the key under {@code queue}
 * @param memory      MB
 * @param timeout     seconds a batch may take
 * @param concurrency reserved concurrency; empty means unreserved
 * @param tries       how many times a job runs before it fails for good
 * @param backoff     seconds to wait before each retry; the last value repeats
 * @param queues      queue names (before the stage suffix) this function consumes; when the manifest
 *                    names none, the one queue named like the function
 * @param snapstart   SnapStart on published versions
 */
public record QueueFunction(
        String function,
        int memory,
        int timeout,
        OptionalInt concurrency,
        int tries,
        List<Integer> backoff,
        List<String> queues,
        boolean snapstart) implements FunctionSettings {

    public static final int DEFAULT_MEMORY = 1024;
    public static final int DEFAULT_TIMEOUT = 120;
    public static final int DEFAULT_TRIES = 3;
    public static final List<Integer> DEFAULT_BACKOFF = List.of(0);

    public QueueFunction {
        backoff = List.copyOf(backoff);
        queues = List.copyOf(queues);
    }

    /** Without SnapStart. */
    public QueueFunction(String function, int memory, int timeout, OptionalInt concurrency, int tries,
                         List<Integer> backoff, List<String> queues) {
        this(function, memory, timeout, concurrency, tries, backoff, queues, false);
    }

    /** {@code queue.<function>} with every setting left to its default. */
    public static QueueFunction defaults(String function) {
        return new QueueFunction(function, DEFAULT_MEMORY, DEFAULT_TIMEOUT, OptionalInt.empty(), DEFAULT_TRIES,
                DEFAULT_BACKOFF, List.of(function));
    }

    /** Seconds to wait before retry number {@code attempt} (1 = the first retry). */
    public int backoffBeforeRetry(int attempt) {
        if (backoff.isEmpty()) {
            return 0;
        }
        return backoff.get(Math.min(Math.max(attempt, 1), backoff.size()) - 1);
    }
}
