package dev.hover.model.packaged;

import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import dev.hover.model.StageManifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the runtime needs from a stage at cold start, written by the image builder into
 * {@code /var/task/hover/stage.properties} ({@link #FILE_NAME}) and read by the runtime with
 * {@link PackagedManifestCodec}.
 * It carries the application's environment, which is how a stage escapes Lambda's 4 KB limit on
 * function variables.
 *
 * @param stage       the stage, e.g. {@code staging}
 * @param name        the stage's {@code name}, {@code <app>-<stage>}
 * @param buildId     the build this image belongs to
 * @param environment plain, non-secret variables for the application, in manifest order
 * @param mainClass   the application's main class, started in the runtime's JVM
 * @param http        how the runtime reaches the application over HTTP
 * @param schedule    entries {@code schedule:run} runs, in manifest order
 * @param queues      queue functions by their key under {@code queue}, in manifest order (tries,
 *                    backoff and timeout are what the runtime uses)
 */
public record PackagedManifest(
        String stage,
        String name,
        String buildId,
        Map<String, String> environment,
        String mainClass,
        Http http,
        List<ScheduleEntry> schedule,
        Map<String, QueueFunction> queues) {

    /** The version of the file format; the runtime refuses a file from a newer format. */
    public static final int FORMAT = 2;
    /** Its name in the image's {@code hover} directory. */
    public static final String FILE_NAME = "stage.properties";

    public PackagedManifest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(http, "http");
        environment = orderedCopy(environment);
        schedule = List.copyOf(schedule);
        queues = orderedCopy(queues);
    }

    /** The same stage served on another port: the image build's training run takes a free one. */
    public PackagedManifest withHttpPort(int port) {
        return new PackagedManifest(stage, name, buildId, environment, mainClass, new Http(port, http.readinessPath(),
                http.warm(), http.readyTimeoutSeconds(), http.prime(), http.primeRounds()), schedule, queues);
    }

    /**
     * The packaged form of a validated stage manifest.
     *
     * @param mainClass the main class the build settled on (the manifest's, or the project's)
     */
    public static PackagedManifest of(StageManifest manifest, String buildId, String mainClass) {
        HttpFunction http = manifest.http();
        return new PackagedManifest(manifest.stage(), manifest.name(), buildId, manifest.environment(),
                mainClass, new Http(http.port(), http.readinessPath(), http.warm(), Http.DEFAULT_READY_TIMEOUT_SECONDS,
                        http.prime(), http.primeRounds()),
                manifest.schedule(), manifest.queues());
    }

    /**
     * @param port                the port the application listens on, on loopback
     * @param readinessPath       the path that answers once the application can serve
     * @param warm                containers the warmer keeps warm
     * @param readyTimeoutSeconds how long cold start waits for the application to be ready
     * @param prime               paths requested before a SnapStart snapshot and in the class-data
     *                            archive's training, besides the readiness path
     * @param primeRounds         how many times each of them is requested
     */
    public record Http(int port, String readinessPath, int warm, int readyTimeoutSeconds, List<String> prime,
                       int primeRounds) {
        /**
         * Lambda gives init 10 s before it retries init inside the first invocation, under the
         * function's timeout; the runtime caps its wait by the time it really has, so this default
         * only has to be generous.
         */
        public static final int DEFAULT_READY_TIMEOUT_SECONDS = 120;

        public Http {
            Objects.requireNonNull(readinessPath, "readinessPath");
            prime = List.copyOf(prime);
        }

        /** Primes only the readiness path, as many times as {@link HttpFunction#DEFAULT_PRIME_ROUNDS}. */
        public Http(int port, String readinessPath, int warm, int readyTimeoutSeconds) {
            this(port, readinessPath, warm, readyTimeoutSeconds, List.of(), HttpFunction.DEFAULT_PRIME_ROUNDS);
        }
    }

    private static <K, V> Map<K, V> orderedCopy(Map<K, V> source) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
