package dev.hover.plugin.image.archive;

import java.util.Locale;
import java.util.Optional;

/** {@code hover.classDataArchive}: which class-data archive the build trains, if any. */
public enum ArchiveChoice {
    /** {@code false}: none. */
    NONE,
    /** {@code true}, the default: the form the base image's Java takes best, the AOT cache on Java 24+. */
    BEST,
    /**
     * {@code appcds}: the dynamic AppCDS archive on Java 24+ too, for a stage that the AOT cache does
     * not go with, or to compare the two.
     */
    APPCDS;

    /** The value of {@code hover.classDataArchive} that makes this choice. */
    public String value() {
        return switch (this) {
            case NONE -> "false";
            case BEST -> "true";
            case APPCDS -> "appcds";
        };
    }

    /** @return empty for a value that is none of {@code true}, {@code false}, {@code appcds} */
    public static Optional<ArchiveChoice> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(BEST);
            case "false" -> Optional.of(NONE);
            case "appcds" -> Optional.of(APPCDS);
            default -> Optional.empty();
        };
    }
}
