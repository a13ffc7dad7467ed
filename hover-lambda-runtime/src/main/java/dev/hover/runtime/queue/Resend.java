package dev.hover.runtime.queue;

/** A record whose job goes back on its queue as a new message: {@code body}, visible after {@code delaySeconds}. */
record Resend(SqsRecord record, String body, int delaySeconds) {
}
