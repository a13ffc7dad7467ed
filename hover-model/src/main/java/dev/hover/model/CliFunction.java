package dev.hover.model;

import java.util.OptionalInt;

/** {@code cli}: the function that runs commands, deploy commands and the scheduler. */
public record CliFunction(int memory, int timeout, OptionalInt concurrency, boolean snapstart) implements FunctionSettings {
    public static final int DEFAULT_MEMORY = 1024;
    public static final int DEFAULT_TIMEOUT = 900;

    /** Without SnapStart. */
    public CliFunction(int memory, int timeout, OptionalInt concurrency) {
        this(memory, timeout, concurrency, false);
    }

    /** The cli function of a manifest that has no {@code cli} section. */
    public static CliFunction defaults() {
        return new CliFunction(DEFAULT_MEMORY, DEFAULT_TIMEOUT, OptionalInt.empty());
    }
}
