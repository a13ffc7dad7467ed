package dev.hover.runtime.queue;

import java.time.Duration;
import java.util.Optional;

/** A job the application asked to dispatch, validated by {@link dev.hover.runtime.api.PendingJob}. */
public record DispatchRequest(Class<?> job, Object data, Optional<String> queue, Duration delay, RetryOverrides overrides) {
}
