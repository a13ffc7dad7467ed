package dev.hover.runtime;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an application of the test tree under the Runtime Interface Emulator, the way the image
 * runs it: its {@link LaunchCommand} with a packaged manifest written here, and the manifest's
 * environment in the process environment, as the image's configuration sets it.
 */
public final class SampleFunctions {
    private SampleFunctions() {
    }

    /** A port nothing listens on right now, for the application. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manifest for {@code mainClass} listening on {@code port}, told its port as {@code SAMPLE_PORT}. */
    public static PackagedManifest manifest(String mainClass, int port, int readyTimeoutSeconds) {
        return new PackagedManifest("test", "sample-test", "build-1",
                Map.of("SAMPLE_PORT", Integer.toString(port), "GREETING", "hello from the manifest"), mainClass,
                new PackagedManifest.Http(port, "/health", 1, readyTimeoutSeconds), List.of(), Map.of());
    }

    /**
     * @param taskRoot    stands in for {@code /var/task}: the manifest is written to {@code hover/stage.properties} in it
     * @param environment more variables for the function, e.g. {@code AWS_LAMBDA_FUNCTION_TIMEOUT}
     */
    public static EmulatedFunction start(Path taskRoot, PackagedManifest manifest, Map<String, String> environment) {
        return start(taskRoot, manifest, environment, true);
    }

    /** As {@link #start}, but the runtime's JVM alone even with {@code hover/secrets.env}: no launcher decrypted them. */
    public static EmulatedFunction startWithoutLauncher(Path taskRoot, PackagedManifest manifest, Map<String, String> environment) {
        return start(taskRoot, manifest, environment, false);
    }

    private static EmulatedFunction start(Path taskRoot, PackagedManifest manifest, Map<String, String> environment,
                                          boolean launcher) {
        Path hover = taskRoot.resolve("hover");
        try {
            Files.createDirectories(hover);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PackagedManifestCodec.write(manifest, hover.resolve(PackagedManifest.FILE_NAME));
        // the image's environment holds the manifest's (docs/image.md)
        Map<String, String> variables = new HashMap<>(manifest.environment());
        variables.putAll(environment);
        variables.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        Path secrets = hover.resolve("secrets.env");
        return LocalAws.rie().start(launchCommand(launcher && Files.isRegularFile(secrets)
                ? Optional.of(new LaunchCommand.Secrets(TestLauncher.path().toString(), manifest.name(), manifest.stage(),
                        secrets.toString()))
                : Optional.empty()), variables);
    }

    public static List<String> bootstrapCommand() {
        return launchCommand(Optional.empty());
    }

    /** The image's entry point, with this test JVM's java and class path, and the real launcher. */
    private static List<String> launchCommand(Optional<LaunchCommand.Secrets> secrets) {
        return LaunchCommand.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(),
                List.of(System.getProperty("java.class.path")), secrets);
    }
}
