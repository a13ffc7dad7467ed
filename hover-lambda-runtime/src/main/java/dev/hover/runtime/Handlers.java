package dev.hover.runtime;

/**
 * The handler factory of each function type: the one place where a function type is wired to
 * the package that serves it.
 */
final class Handlers {
    private Handlers() {
    }

    static HandlerFactory forType(FunctionType type) {
        return switch (type) {
            case HTTP -> notSupported(type);
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
