package dev.hover.plugin.image.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base image's own JVM, runnable on the build host: the base image's file system unpacked
 * once per digest ({@link BaseImageRoot}), its {@code java} and that java's feature version.
 *
 * @param digest      the exported base image's digest: a tag that moves to another image is another digest
 * @param java        where the image's java is on this host
 * @param version     its feature version ({@code 17}, {@code 25})
 * @param environment the base image's own environment, under the one Hover gives the image
 */
record BaseImageJvm(String digest, Path java, int version, Map<String, String> environment) {
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:[.\"])");
    private static final long PROBE_SECONDS = 60;
    /** Enough of a digest's hex digits to name an unpacked root. */
    private static final int ROOT_NAME_LENGTH = 32;

    /**
     * The JVM of a base image exported as a tar, its file system unpacked unless a root of the same
     * digest is there already.
     *
     * @param baseImage   the image's reference, for the notes
     * @param javaInImage the entry point's java: a path in the image, or {@code java} on its {@code PATH}
     * @param baseRoots   where unpacked base images are kept, by digest
     */
    static BaseImageJvm of(String baseImage, Path tar, String digest, String javaInImage, Path baseRoots)
            throws Exception {
        String hex = digest.substring(digest.indexOf(':') + 1);
        Path root = baseRoots.resolve(hex.substring(0, Math.min(ROOT_NAME_LENGTH, hex.length())));
        BaseImageRoot base = Files.isDirectory(root) ? BaseImageRoot.open(root) : BaseImageRoot.unpack(tar, root);
        String where = javaInImage.startsWith("/") ? " at " + javaInImage
                : " (" + javaInImage + ") on its PATH " + String.join(":", base.path());
        Path java = base.java(javaInImage).orElseThrow(() -> new ArchiveSkipped("the base image " + baseImage
                + " has no java" + where + " (hover.javaExecutable says where it is)"));
        return new BaseImageJvm(digest, java, versionOf(java), base.environment());
    }

    private static int versionOf(Path java) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ArchiveSkipped("the base image's java cannot run on this host (" + e.getMessage() + ")");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new ArchiveSkipped("the base image's java -version did not answer within " + PROBE_SECONDS + " s");
        }
        Matcher version = VERSION.matcher(output);
        if (process.exitValue() != 0 || !version.find()) {
            throw new ArchiveSkipped("the base image's java cannot run on this host (java -version: status "
                    + process.exitValue() + ", " + output.lines().findFirst().orElse("no output") + ")");
        }
        return Integer.parseInt(version.group(1));
    }
}
