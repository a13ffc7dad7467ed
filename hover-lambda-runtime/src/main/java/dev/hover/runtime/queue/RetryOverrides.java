package dev.hover.runtime.queue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What one job sets instead of its queue function's {@code tries} and {@code backoff}, and its timeout. */
public record RetryOverrides(OptionalInt tries, Optional<List<Integer>> backoff, OptionalInt timeoutSeconds) {
    public static final RetryOverrides NONE = new RetryOverrides(OptionalInt.empty(), Optional.empty(), OptionalInt.empty());

    public RetryOverrides {
        backoff = backoff.map(List::copyOf);
    }
}
