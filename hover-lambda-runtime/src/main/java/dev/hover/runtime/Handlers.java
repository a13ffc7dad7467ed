package dev.hover.runtime;

import dev.hover.runtime.cli.CliHandler;
import dev.hover.runtime.http.HttpHandler;
import dev.hover.runtime.http.LoopbackClient;
import dev.hover.runtime.queue.QueueHandler;

/**
 * The handler factory of each function type: the one place where a function type is wired to
 * the package that serves it.
 */
final class Handlers {
    private Handlers() {
    }

    /** @param application the application on loopback, ready */
    static HandlerFactory forType(FunctionType type, LoopbackClient application) {
        return switch (type) {
            case HTTP -> context -> HttpHandler.create(application);
            case CLI -> CliHandler::forFunction;
            case QUEUE -> QueueHandler::forFunction;
        };
    }
}
