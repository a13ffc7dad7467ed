package dev.hover.plugin.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs independent AWS calls side by side; the first failure is rethrown after all have ended. */
final class Parallel {
    private Parallel() {
    }

    /** Applies {@code work} to every item, at most {@code threads} at once; results keep the items' order. */
    static <T, R> Map<T, R> map(List<T> items, int threads, Function<T, R> work) {
        if (items.isEmpty()) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), runnable -> {
            Thread thread = new Thread(runnable, "hover-deploy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            Map<T, R> results = new LinkedHashMap<>();
            RuntimeException first = null;
            for (int i = 0; i < items.size(); i++) {
                try {
                    results.put(items.get(i), futures.get(i).get());
                } catch (ExecutionException e) {
                    RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : new DeployException(e.getCause().getMessage(), e.getCause());
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeployException("Interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
