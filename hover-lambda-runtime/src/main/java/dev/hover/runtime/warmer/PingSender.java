package dev.hover.runtime.warmer;

/** Sends one warmer ping: a synchronous invocation of the function with {@code {"warmerPing": true}}. */
@FunctionalInterface
public interface PingSender {

    /**
     * @param function  the function's name
     * @param qualifier the version or alias to invoke, or null for the unqualified function
     * @param timeoutMillis how long the ping may take
     * @throws Exception when the invocation fails or the function reports an error
     */
    void ping(String function, String qualifier, long timeoutMillis) throws Exception;
}
