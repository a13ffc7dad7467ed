package dev.hover.model;

import java.util.OptionalInt;

/** What every function of a stage is sized by. */
public sealed interface FunctionSettings permits HttpFunction, CliFunction, QueueFunction {
    int memory();

    int timeout();

    OptionalInt concurrency();

    /**
     * Lambda SnapStart on the function's published versions: {@code snapstart} in its section.
     * Off by default (docs/manifest.md says why).
     */
    boolean snapstart();
}
