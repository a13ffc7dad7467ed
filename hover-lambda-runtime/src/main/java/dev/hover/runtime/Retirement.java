package dev.hover.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A handler's request that this container serve no more events: something it cannot undo is left
 * behind (a job thread that ignored its interrupt and still runs, an application whose server is
 * gone). The runtime loop posts the invocation's answer first, then ends the process, so Lambda
 * starts a fresh container for the next event.
 */
public final class Retirement {
    private static final Retirement SHARED = new Retirement();

    private final AtomicReference<String> reason = new AtomicReference<>();

    public static Retirement shared() {
        return SHARED;
    }

    /** Asks for the container to end after the current invocation; the first reason given is kept. */
    public void request(String why) {
        reason.compareAndSet(null, why);
    }

    public boolean requested() {
        return reason.get() != null;
    }

    /** Why the container is to end, or null when it is not. */
    public String reason() {
        return reason.get();
    }
}
