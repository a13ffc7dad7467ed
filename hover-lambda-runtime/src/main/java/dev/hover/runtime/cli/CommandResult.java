package dev.hover.runtime.cli;

/** What a command line produced: the answer to a cli invocation. */
public record CommandResult(int exitCode, String output) {
    /** The command line could not be split, or named no command. */
    public static final int USAGE = 2;
    /** The command stopped because the function's deadline was near (as GNU timeout exits). */
    public static final int TIMED_OUT = 124;
    /** No such command (as a shell answers). */
    public static final int UNKNOWN = 127;
}
