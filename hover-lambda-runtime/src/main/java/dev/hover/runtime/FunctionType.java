package dev.hover.runtime;

import java.util.Locale;

/** Which function of the stage this container runs: {@code HOVER_FUNCTION_TYPE}. */
public enum FunctionType {
    HTTP, CLI, QUEUE;

    public static final String VARIABLE = "HOVER_FUNCTION_TYPE";

    /** @param value the variable's value; absent means {@code http} (e.g. a local run) */
    public static FunctionType parse(String value) {
        if (value == null || value.isEmpty()) {
            return HTTP;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + " is '" + value + "'; expected http, cli or queue");
        }
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
