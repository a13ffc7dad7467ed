package dev.hover.model.packaged;

import java.nio.file.Path;

/** Reads a packaged manifest and says what it holds: run by a test in a JVM without Jackson. */
public final class ReadPackagedManifest {
    private ReadPackagedManifest() {
    }

    public static void main(String[] args) {
        PackagedManifest manifest = PackagedManifestCodec.read(Path.of(args[0]));
        System.out.println(manifest.mainClass() + " with " + manifest.environment().size() + " variables and "
                + manifest.queues().size() + " queue functions");
    }
}
