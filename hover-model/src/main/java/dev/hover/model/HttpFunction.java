package dev.hover.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code http}: the function that serves the application's HTTP traffic.
 *
 * @param memory        MB, 128–10240
 * @param timeout       seconds, 1–30 (API Gateway's integration limit)
 * @param warm          containers the warmer keeps warm; 0 disables the warmer
 * @param concurrency   reserved concurrency; empty means unreserved
 * @param domains       custom domains served by CloudFront
 * @param certificate   ACM certificate ARN in us-east-1 for {@code domains}
 * @param port          the port the application listens on, on loopback
 * @param readinessPath the path that answers once the application can serve
 * @param snapstart     SnapStart on published versions
 * @param prime         paths (with an optional query) requested, besides the readiness path, before a
 *                      SnapStart snapshot and in the image build's training of the class-data archive
 * @param primeRounds   how many times each priming path is requested
 */
public record HttpFunction(
        int memory,
        int timeout,
        int warm,
        OptionalInt concurrency,
        List<String> domains,
        Optional<String> certificate,
        int port,
        String readinessPath,
        boolean snapstart,
        List<String> prime,
        int primeRounds) implements FunctionSettings {

    public static final int DEFAULT_MEMORY = 1024;
    public static final int DEFAULT_TIMEOUT = 28;
    public static final int DEFAULT_WARM = 1;
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_READINESS_PATH = "/";

    /** Enough for class loading, the application's caches and the first JIT compilations of most paths. */
    public static final int DEFAULT_PRIME_ROUNDS = 20;

    public HttpFunction {
        domains = List.copyOf(domains);
        prime = List.copyOf(prime);
    }

    /** Without SnapStart, priming only the readiness path. */
    public HttpFunction(int memory, int timeout, int warm, OptionalInt concurrency, List<String> domains,
                        Optional<String> certificate, int port, String readinessPath) {
        this(memory, timeout, warm, concurrency, domains, certificate, port, readinessPath, false, List.of(),
                DEFAULT_PRIME_ROUNDS);
    }

    /** The http function of a manifest that has no {@code http} section. */
    public static HttpFunction defaults() {
        return new HttpFunction(DEFAULT_MEMORY, DEFAULT_TIMEOUT, DEFAULT_WARM, OptionalInt.empty(), List.of(),
                Optional.empty(), DEFAULT_PORT, DEFAULT_READINESS_PATH);
    }
}
