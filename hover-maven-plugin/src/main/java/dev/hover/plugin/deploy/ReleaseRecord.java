package dev.hover.plugin.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a release is recorded: every function version a deploy publishes carries the build id in
 * its description, so a rollback finds the versions of any earlier build by listing versions, and
 * the fingerprint of the build's inputs, so a deploy of a build made again from the same inputs
 * (on another machine, after {@code mvn clean}, under a new build id) knows it is the live release.
 */
public final class ReleaseRecord {
    private static final String PREFIX = "hover build ";
    private static final String INPUTS = " inputs ";
    private static final Pattern DESCRIPTION = Pattern.compile("^" + PREFIX + "(\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("^" + PREFIX + "\\S+" + INPUTS + "([0-9a-f]{64})(\\s|$)");

    private ReleaseRecord() {
    }

    /** @param inputsFingerprint the build's {@code inputsFingerprint}; null: a build that cannot be repeated */
    public static String versionDescription(String buildId, String inputsFingerprint) {
        return PREFIX + buildId + (inputsFingerprint == null ? "" : INPUTS + inputsFingerprint);
    }

    /** The build id a version description carries, when it was published by a deploy. */
    public static Optional<String> buildId(String versionDescription) {
        return group(DESCRIPTION, versionDescription);
    }

    /** The fingerprint of the inputs of the build a version was published from, when the deploy recorded one. */
    public static Optional<String> inputsFingerprint(String versionDescription) {
        return group(FINGERPRINT, versionDescription);
    }

    private static Optional<String> group(Pattern pattern, String versionDescription) {
        if (versionDescription == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(versionDescription);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
