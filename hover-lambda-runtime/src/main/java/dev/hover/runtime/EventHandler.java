package dev.hover.runtime;

/**
 * Handles the events of one function type. Called on the runtime's loop thread, one invocation
 * at a time (Lambda never sends a container two at once).
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * @return the response body posted to the Runtime API (JSON)
     * @throws Exception reported to the Runtime API as the invocation's error
     *                   ({@code errorType} = the exception's class name)
     */
    byte[] handle(Invocation invocation) throws Exception;
}
