package dev.hover.model;

import java.util.OptionalInt;

/** {@code cli}: the function that runs commands, deploy commands and the scheduler. */
public record CliFunction(int memory, int timeout, OptionalInt concurrency) implements FunctionSettings {
    public static final int DEFAULT_MEMORY = 1024;
    public static final int DEFAULT_TIMEOUT = 900;

    /** The cli function of a manifest that has no {@code cli} section. */
    public static CliFunction defaults() {
        return new CliFunction(DEFAULT_MEMORY, DEFAULT_TIMEOUT, OptionalInt.empty());
    }
}
