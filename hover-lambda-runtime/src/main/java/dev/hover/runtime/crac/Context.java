package dev.hover.runtime.crac;

/** A group of resources that is itself a resource, as in {@code org.crac.Context}. */
public abstract class Context<R extends Resource> implements Resource {
    protected Context() {
    }

    public abstract void register(R resource);
}
