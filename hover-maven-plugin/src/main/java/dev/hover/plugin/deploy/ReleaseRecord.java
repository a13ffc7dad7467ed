package dev.hover.plugin.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a release is recorded: every function version a deploy publishes carries the build id in
 * its description, so a rollback finds the versions of any earlier build by listing versions.
 */
public final class ReleaseRecord {
    private static final String PREFIX = "hover build ";
    private static final Pattern DESCRIPTION = Pattern.compile("^" + PREFIX + "(\\S+)");

    private ReleaseRecord() {
    }

    public static String versionDescription(String buildId) {
        return PREFIX + buildId;
    }

    /** The build id a version description carries, when it was published by a deploy. */
    public static Optional<String> buildId(String versionDescription) {
        if (versionDescription == null) {
            return Optional.empty();
        }
        Matcher matcher = DESCRIPTION.matcher(versionDescription);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
