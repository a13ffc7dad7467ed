package dev.hover.runtime;

/**
 * One event from the Runtime API's {@code next}, with the metadata of its headers.
 *
 * @param requestId          {@code Lambda-Runtime-Aws-Request-Id}
 * @param deadlineMs         {@code Lambda-Runtime-Deadline-Ms}: epoch milliseconds when Lambda stops the
 *                           invocation
 * @param invokedFunctionArn {@code Lambda-Runtime-Invoked-Function-Arn}: the ARN the caller used,
 *                           with its qualifier (version or alias) when there is one
 * @param traceId            {@code Lambda-Runtime-Trace-Id}, or null
 * @param payload            the event, as the caller sent it (JSON)
 */
public record Invocation(String requestId, long deadlineMs, String invokedFunctionArn, String traceId, byte[] payload) {

    /** Milliseconds until the deadline, negative once it has passed. */
    public long remainingMillis() {
        return deadlineMs - System.currentTimeMillis();
    }
}
