package dev.hover.runtime.crac;

/** Resources failed after the restore; each failure is a suppressed exception. */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public RestoreException() {
        super("after-restore hooks failed");
    }
}
