package dev.hover.runtime;

import dev.hover.runtime.http.HttpHandler;
import dev.hover.runtime.http.LoopbackClient;

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
            case CLI -> notSupported(type);
            case QUEUE -> notSupported(type);
        };
    }

    private static HandlerFactory notSupported(FunctionType type) {
        return context -> {
            throw new UnsupportedOperationException(type.lowerCase() + " functions are not supported by this runtime");
        };
    }
}
