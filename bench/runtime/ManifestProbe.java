import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Reads a packaged manifest in a fresh JVM, as the runtime does before the application may start,
 * and prints the wall and CPU milliseconds of that read alone (the JVM's own start excluded).
 * Run by {@code bench/runtime/manifest.sh}, once against an older hover-model, once against this one.
 */
public final class ManifestProbe {
    private ManifestProbe() {
    }

    public static void main(String[] args) {
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PackagedManifest manifest = PackagedManifestCodec.read(Path.of(args[0]));
        long wall = System.nanoTime() - start;
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
        System.out.println(wall / 1000 + " " + cpu / 1000 + " " + manifest.environment().size());
    }
}
