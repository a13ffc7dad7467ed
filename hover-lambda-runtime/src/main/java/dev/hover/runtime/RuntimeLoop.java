package dev.hover.runtime;

import dev.hover.runtime.lambda.ErrorReport;
import dev.hover.runtime.lambda.RuntimeApiClient;

/**
 * Takes events from the Runtime API one at a time and posts each handler's answer, or its
 * exception as the invocation's error ({@code Runtime.UserException}).
 */
final class RuntimeLoop {
    private final RuntimeApiClient api;
    private final EventHandler handler;

    RuntimeLoop(RuntimeApiClient api, EventHandler handler) {
        this.api = api;
        this.handler = handler;
    }

    /** Runs until the Runtime API fails (the container is then broken) or memory runs out. */
    void run() {
        while (true) {
            Invocation invocation = api.next();
            byte[] response;
            try {
                response = handler.handle(invocation);
            } catch (Throwable error) {
                Log.error("invocation " + invocation.requestId() + " failed: " + error, error);
                api.reportInvocationError(invocation.requestId(), ErrorReport.of("UserException", error));
                if (error instanceof OutOfMemoryError) {
                    throw (OutOfMemoryError) error;
                }
                continue;
            }
            api.respond(invocation.requestId(), response);
        }
    }
}
