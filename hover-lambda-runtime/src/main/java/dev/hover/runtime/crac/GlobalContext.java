package dev.hover.runtime.crac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The resources the application registered, in registration order. As CRaC specifies, they are
 * notified in reverse order before the snapshot and in order after the restore; every resource
 * is notified even when an earlier one fails, and the failures are reported together.
 */
public final class GlobalContext extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    GlobalContext() {
    }

    @Override
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    /** How many resources the application registered. */
    public synchronized int size() {
        return resources.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        List<Resource> reversed = snapshot();
        Collections.reverse(reversed);
        CheckpointException failures = new CheckpointException();
        if (notifyEach(reversed, true, failures)) {
            throw failures;
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failures = new RestoreException();
        if (notifyEach(snapshot(), false, failures)) {
            throw failures;
        }
    }

    /** @return whether any resource failed; each failure is added to {@code failures} */
    private boolean notifyEach(List<Resource> inOrder, boolean beforeCheckpoint, Exception failures) {
        for (Resource resource : inOrder) {
            try {
                if (beforeCheckpoint) {
                    resource.beforeCheckpoint(this);
                } else {
                    resource.afterRestore(this);
                }
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        return failures.getSuppressed().length > 0;
    }

    private synchronized List<Resource> snapshot() {
        return new ArrayList<>(resources);
    }
}
