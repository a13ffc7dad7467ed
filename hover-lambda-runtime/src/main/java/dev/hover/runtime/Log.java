package dev.hover.runtime;

/**
 * The runtime's log: one line per event of note, on stdout (information) or stderr (errors),
 * which Lambda sends to the function's log group. Never given secret values.
 */
public final class Log {
    private static final String PREFIX = "hover: ";

    private Log() {
    }

    public static void info(String message) {
        System.out.println(PREFIX + message);
    }

    public static void error(String message) {
        System.err.println(PREFIX + message);
    }

    /** The message, then the exception's stack trace. */
    public static void error(String message, Throwable error) {
        System.err.println(PREFIX + message);
        error.printStackTrace();
    }
}
