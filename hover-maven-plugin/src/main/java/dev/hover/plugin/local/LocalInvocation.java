package dev.hover.plugin.local;

import dev.hover.plugin.aws.InvokeResult;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One event on its way through a local container: queued, handed out by {@code next} (which starts
 * the function's timeout, as Lambda's clock starts when the runtime receives the event), then settled
 * by the runtime's answer or by Lambda's own error (timeout, crash, init failure).
 */
final class LocalInvocation {
    /** How Lambda marks a failed invocation's result ({@code X-Amz-Function-Error}). */
    static final String UNHANDLED = "Unhandled";

    private final String requestId = UUID.randomUUID().toString();
    private final byte[] event;
    private final Duration timeout;
    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();
    private volatile long deadline = -1;

    LocalInvocation(byte[] event, Duration timeout) {
        this.event = event;
        this.timeout = timeout;
    }

    String requestId() {
        return requestId;
    }

    byte[] event() {
        return event;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return the deadline, epoch milliseconds */
    long handOut(long nowMillis) {
        deadline = nowMillis + timeout.toMillis();
        return deadline;
    }

    /** When it was handed out: its deadline. */
    OptionalLong deadline() {
        long d = deadline;
        return d < 0 ? OptionalLong.empty() : OptionalLong.of(d);
    }

    void succeed(String payload) {
        result.complete(new InvokeResult(200, Optional.empty(), payload));
    }

    void failWith(String errorDocument) {
        result.complete(new InvokeResult(200, Optional.of(UNHANDLED), errorDocument));
    }

    void fail(String errorType, String errorMessage) {
        failWith(LambdaErrors.document(errorType, errorMessage));
    }

    boolean settled() {
        return result.isDone();
    }

    /** Waits up to {@code millis} for the answer. */
    Optional<InvokeResult> await(long millis) throws InterruptedException {
        try {
            return Optional.of(result.get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
