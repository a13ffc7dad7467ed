package dev.hover.model;

import java.util.Locale;

/**
 * A problem Hover explains to its user: the message says what is wrong, where, and what to do.
 * Every goal turns one into a build failure with that message (and, with {@code -Dhover.output=json},
 * into a final JSON object carrying {@link #kind()}); anything else is a defect or the machine's.
 */
public class HoverException extends RuntimeException {
    public HoverException(String message) {
        super(message);
    }

    public HoverException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The family of the problem, for machines: the class's name without {@code Exception}, first
     * letter lower-case ({@code ManifestException} is {@code manifest}, {@code ImageBuildException}
     * is {@code imageBuild}).
     */
    public String kind() {
        String name = getClass().getSimpleName();
        String stem = name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
        return stem.isEmpty() ? "hover" : stem.substring(0, 1).toLowerCase(Locale.ROOT) + stem.substring(1);
    }
}
