package dev.hover.runtime;

/** Creates the handler of one function type, after the application is ready. */
@FunctionalInterface
public interface HandlerFactory {

    /** @throws Exception reported as the init error: the container cannot serve this function */
    EventHandler create(RuntimeContext context) throws Exception;
}
