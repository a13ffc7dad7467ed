package dev.hover.runtime.crac;

/**
 * The CRaC implementation org.crac delegates to when the runtime sets
 * {@code org.crac.Core.Compat=dev.hover.runtime.crac} (org.crac reads that property when its
 * {@code Core} class initialises, before it looks for a CRaC JDK). Registered resources are then
 * kept in {@link #getGlobalContext()}, and the runtime runs them around Lambda's snapshot.
 */
public final class Core {
    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Lambda takes the snapshot; an application cannot ask for one. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        throw new UnsupportedOperationException("Under Lambda SnapStart the snapshot is taken by Lambda when a "
                + "version is published; the application cannot request a checkpoint");
    }

    /** The global context, for the runtime's snapshot lifecycle. */
    public static GlobalContext global() {
        return GLOBAL;
    }
}
