package dev.hover.runtime.crac;

/** Resources failed before the snapshot; each failure is a suppressed exception. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException() {
        super("before-snapshot hooks failed");
    }
}
