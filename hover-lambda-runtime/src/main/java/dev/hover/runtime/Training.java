package dev.hover.runtime;

import java.util.Map;

/**
 * The image build's training run of the class-data archive (docs/image.md, "The class-data
 * archive"): the http function's cold start as in a container, its application primed as before a
 * snapshot (the readiness path and the manifest's {@code http.prime} paths), then the process
 * ends, so that the JVM, started with {@code -XX:ArchiveClassesAtExit} (Java 17–23) or
 * {@code -XX:AOTMode=record} (Java 24+), writes what it loaded, or the AOT configuration. Nothing
 * is invoked, so no Runtime API is needed; the exit status says whether the cold start succeeded.
 */
public final class Training {
    private Training() {
    }

    public static void main(String[] args) {
        long entered = System.currentTimeMillis();
        Bootstrap.prepareProcess();
        Map<String, String> environment = System.getenv();
        try {
            new Bootstrap(environment).coldStart(entered, true);
        } catch (InitException e) {
            Log.error("training failed: " + e.kind() + ": " + e.getMessage(), e);
            System.exit(1);
        } catch (RuntimeException | Error e) {
            Log.error("training failed: " + e, e);
            System.exit(1);
        }
        // the application's threads (its server) do not end by themselves
        System.exit(0);
    }
}
