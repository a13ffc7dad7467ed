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
        for (Resource resource : reversed) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        if (failures.getSuppressed().length > 0) {
            throw failures;
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failures = new RestoreException();
        for (Resource resource : snapshot()) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                failures.addSuppressed(e);
            }
        }
        if (failures.getSuppressed().length > 0) {
            throw failures;
        }
    }

    private synchronized List<Resource> snapshot() {
        return new ArrayList<>(resources);
    }
}
