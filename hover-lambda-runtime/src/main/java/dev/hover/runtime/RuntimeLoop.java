package dev.hover.runtime;

import dev.hover.runtime.lambda.ErrorReport;
import dev.hover.runtime.lambda.RuntimeApiClient;

/**
 * Takes events from the Runtime API one at a time and posts each handler's answer, or its
 * exception as the invocation's error ({@code Runtime.UserException}). After an answer, a requested
 * {@link Retirement} ends the process before the next event is taken.
 */
public final class RuntimeLoop {
    private final RuntimeApiClient api;
    private final EventHandler handler;
    private final Retirement retirement;

    public RuntimeLoop(RuntimeApiClient api, EventHandler handler, Retirement retirement) {
        this.api = api;
        this.handler = handler;
        this.retirement = retirement;
    }

    /** Runs until the Runtime API fails (the container is then broken) or memory runs out. */
    void run() {
        while (true) {
            takeOne();
        }
    }

    /** Takes exactly {@code events} events: priming runs the whole loop against a Runtime API of its own. */
    public void serve(int events) {
        for (int i = 0; i < events; i++) {
            takeOne();
        }
    }

    private void takeOne() {
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
            retireIfRequested();
            return;
        }
        api.respond(invocation.requestId(), response);
        retireIfRequested();
    }

    private void retireIfRequested() {
        if (retirement.requested()) {
            Log.error("retiring this container after its answer: " + retirement.reason());
            System.out.flush();
            System.err.flush();
            // halt, not exit: an application's shutdown hook could wait for the very thread that is the reason
            Runtime.getRuntime().halt(0);
        }
    }
}
