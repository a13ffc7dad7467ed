package dev.hover.runtime;

import dev.hover.runtime.cli.CliHandler;
import dev.hover.runtime.http.HttpHandler;
import dev.hover.runtime.http.LoopbackClient;
import dev.hover.runtime.queue.QueueHandler;

/**
 * The handler of each function type: the one place where a function type is wired to the
 * package that serves it. Plain calls, no lambdas: on the cold start path the first lambda costs
 * the JVM its invokedynamic bootstrap (tens of ms, see docs/performance.md).
 */
final class Handlers {
    private Handlers() {
    }

    /**
     * Called once the application is ready.
     *
     * @param application the application on loopback
     * @throws Exception reported as the init error: the container cannot serve this function
     */
    static EventHandler create(FunctionType type, RuntimeContext context, LoopbackClient application) throws Exception {
        return switch (type) {
            case HTTP -> HttpHandler.create(application, context.environment());
            case CLI -> CliHandler.forFunction(context);
            case QUEUE -> QueueHandler.forFunction(context);
        };
    }
}
