package dev.hover.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stage's environment as the application sees it: the manifest's {@code environment} and the
 * decrypted secrets, then the rest of the process environment. Under the Hover runtime the stage's
 * variables and secrets are in the process environment too ({@code System.getenv}, inherited by
 * child processes); this class adds which of them are the stage's, the stage and the build. Outside
 * Lambda, where the runtime did not start the application, only the process environment answers.
 */
public final class HoverEnvironment {
    private static volatile Snapshot snapshot = new Snapshot(null, null, Map.of());

    private HoverEnvironment() {
    }

    /** A stage variable or secret, else a process variable. */
    public static Optional<String> variable(String name) {
        String value = snapshot.variables.get(name);
        return Optional.ofNullable(value != null ? value : System.getenv(name));
    }

    /** @throws IllegalStateException naming the variable when it is not set */
    public static String require(String name) {
        return variable(name).orElseThrow(() -> new IllegalStateException(
                "The variable " + name + " is not set: add it to the stage's environment or secrets"));
    }

    /** The stage's variables and secrets (not the process environment), in manifest order. */
    public static Map<String, String> variables() {
        return snapshot.variables;
    }

    /** The stage, e.g. {@code staging}, when running under the Hover runtime. */
    public static Optional<String> stage() {
        return Optional.ofNullable(snapshot.stage);
    }

    /** The build the running image belongs to, when running under the Hover runtime. */
    public static Optional<String> buildId() {
        return Optional.ofNullable(snapshot.buildId);
    }

    /**
     * Called once by the runtime at cold start, before the application's main class starts;
     * secrets win over plain variables of the same name.
     */
    public static void initialize(String stage, String buildId, Map<String, String> environment, Map<String, String> secrets) {
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.putAll(secrets);
        snapshot = new Snapshot(stage, buildId, Collections.unmodifiableMap(variables));
    }

    private record Snapshot(String stage, String buildId, Map<String, String> variables) {
    }
}
