package dev.hover.runtime.queue;

/** A record going back to its queue, visible again after {@code delaySeconds}. */
record Release(SqsRecord record, int delaySeconds) {
}
