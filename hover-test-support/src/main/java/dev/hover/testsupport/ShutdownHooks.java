package dev.hover.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the test support started when the JVM exits, newest first. */
final class ShutdownHooks {

    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHooks::closeAll, "hover-test-support-shutdown"));
    }

    private ShutdownHooks() {
    }

    static synchronized void closeOnExit(AutoCloseable resource) {
        OPEN.push(resource);
    }

    static synchronized void forget(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    private static synchronized void closeAll() {
        while (!OPEN.isEmpty()) {
            try {
                OPEN.pop().close();
            } catch (Exception e) {
                System.err.println("hover-test-support: could not stop " + e);
            }
        }
    }
}
