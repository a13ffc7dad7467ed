package dev.hover.runtime.snapstart;

import dev.hover.runtime.InitException;
import dev.hover.runtime.Log;
import dev.hover.runtime.crac.CheckpointException;
import dev.hover.runtime.crac.Core;
import dev.hover.runtime.crac.GlobalContext;
import dev.hover.runtime.crac.RestoreException;
import dev.hover.runtime.lambda.ErrorReport;
import dev.hover.runtime.lambda.RuntimeApiClient;
import dev.hover.runtime.queue.QueueUrls;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The SnapStart lifecycle of a container image's runtime (AWS: "Implementing SnapStart hooks for
 * container images"), followed only when {@code AWS_LAMBDA_INITIALIZATION_TYPE} is
 * {@code snap-start}: after the init (and the priming), the before-snapshot hooks;
 * {@code GET /runtime/restore/next}, which returns in the container restored from the snapshot;
 * the after-restore hooks, a failure of which goes to {@code POST /runtime/restore/error}.
 * The application's hooks are its {@code org.crac} resources (see {@link #installCracCompat()}).
 */
public final class SnapStart {
    public static final String INIT_TYPE_VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    public static final String SNAP_START = "snap-start";
    /** Read by org.crac when its {@code Core} class initialises: where to register resources. */
    public static final String CRAC_COMPAT_PROPERTY = "org.crac.Core.Compat";
    /** Snapshot-safe default {@link SecureRandom}s: they read the kernel's entropy on every call. */
    private static final String NATIVE_PRNG = "NativePRNG";

    private final GlobalContext resources;
    private final QueueUrls queues;

    SnapStart(GlobalContext resources, QueueUrls queues) {
        this.resources = resources;
        this.queues = queues;
    }

    /** The application's org.crac resources and the runtime's own SQS client. */
    public static SnapStart standard() {
        return new SnapStart(Core.global(), QueueUrls.shared());
    }

    public static boolean requested(Map<String, String> environment) {
        return SNAP_START.equals(environment.get(INIT_TYPE_VARIABLE));
    }

    /**
     * Before the application's first line: org.crac then registers the application's resources
     * (Spring Framework 6.1+ registers its lifecycle when org.crac is on the class path) with this
     * runtime instead of discarding them, as it does on a JVM without CRaC. A value set in the
     * JVM options is left alone.
     */
    public static void installCracCompat() {
        if (System.getProperty(CRAC_COMPAT_PROPERTY) == null) {
            System.setProperty(CRAC_COMPAT_PROPERTY, Core.class.getPackageName());
        }
    }

    /**
     * The application's resources (in reverse order of registration), then the runtime's own:
     * the SQS client (its pooled connections to the outside and its cached credentials would be
     * shared by every restored container) is closed and made anew on first use after the restore.
     * The Lambda client is made on the first warmer event, so it does not exist here (the secrets
     * were decrypted by the launcher, before this JVM started).
     *
     * @throws InitException {@code BeforeCheckpointError}: publishing the version fails with it
     */
    public void beforeSnapshot() throws InitException {
        try {
            resources.beforeCheckpoint(null);
        } catch (CheckpointException e) {
            throw new InitException("BeforeCheckpointError", "The application's before-snapshot hooks failed: "
                    + describe(e), e);
        } catch (RuntimeException | Error e) {
            throw new InitException("BeforeCheckpointError", "The application's before-snapshot hooks failed: " + e, e);
        }
        queues.release();
        // the priming's and the init's garbage out of the heap: the snapshot holds fewer pages to
        // restore, and the first requests after the restore do not pay a collection for it
        System.gc();
        String random = new SecureRandom().getAlgorithm();
        if (!random.startsWith(NATIVE_PRNG)) {
            Log.error("the JVM's default SecureRandom is " + random + ", whose state would be shared by every "
                    + "container restored from this snapshot; set securerandom.source to NativePRNG (the default on Linux)");
        }
    }

    /**
     * Waits for the restore, then runs the after-restore hooks. A failed hook is reported to
     * {@code /restore/error} and thrown: the container must not take events.
     */
    public void restore(RuntimeApiClient api) throws RestoreFailedException {
        long waiting = System.currentTimeMillis();
        boolean restored = api.restoreNext();
        long resumed = System.currentTimeMillis();
        if (!restored) {
            Log.info("the Runtime API has no /restore/next (an emulator): no snapshot was taken, "
                    + "running the after-restore hooks in this container");
        }
        try {
            resources.afterRestore(null);
        } catch (RestoreException | RuntimeException | Error e) {
            String message = "The application's after-restore hooks failed: "
                    + (e instanceof RestoreException restore ? describe(restore) : e.toString());
            ErrorReport report = ErrorReport.diagnosed("AfterRestoreError", message, e);
            Log.error("restore failed: " + report.headerValue() + ": " + message, e);
            api.reportRestoreError(report);
            throw new RestoreFailedException(message, e);
        }
        Log.info((restored ? "restored from the snapshot" : "snapshot lifecycle done") + ": restore/next waited "
                + (resumed - waiting) + " ms, " + resources.size() + " after-restore hooks "
                + (System.currentTimeMillis() - resumed) + " ms");
    }

    /** Each failed resource's exception, in the order they ran. */
    private static String describe(Exception grouped) {
        StringBuilder text = new StringBuilder();
        for (Throwable failure : grouped.getSuppressed()) {
            text.append(text.length() == 0 ? "" : "; ").append(failure);
        }
        return text.toString();
    }

    /** An after-restore hook failed; it has been reported to {@code /restore/error}. */
    public static final class RestoreFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        RestoreFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
