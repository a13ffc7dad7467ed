package dev.hover.model;

import java.util.OptionalInt;

/** What every function of a stage is sized by. */
public sealed interface FunctionSettings permits HttpFunction, CliFunction, QueueFunction {
    int memory();

    int timeout();

    OptionalInt concurrency();
}
