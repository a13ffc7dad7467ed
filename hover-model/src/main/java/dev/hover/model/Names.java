package dev.hover.model;

/**
 * Every AWS name of a stage, derived in one place from the manifest's {@code name}.
 * Changing a rule here renames resources of deployed stages: treat these as a compatibility promise.
 */
public final class Names {
    public static final String LIVE_ALIAS = "live";

    private final String name;

    public Names(String name) {
        this.name = name;
    }

    public static Names of(StageManifest manifest) {
        return new Names(manifest.name());
    }

    public String stack() {
        return name;
    }

    public String httpFunction() {
        return name + "-http";
    }

    public String cliFunction() {
        return name + "-cli";
    }

    public String queueFunction(String function) {
        return name + "-" + function + "-queue";
    }

    public String logGroup(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    public String queue(String queue) {
        return queue + "-" + name;
    }

    /**
     * The stage's failed-jobs record ({@code <name>-failed-jobs}): a queue of its own that ends in
     * {@code -failed-jobs}, where every job queue's name ends in {@code -<name>}.
     */
    public String failedJobsQueue() {
        return name + "-failed-jobs";
    }

    public String repository() {
        return name;
    }

    public String assetsBucket() {
        return name + "-assets";
    }

    /** The CloudFront Function that hands the viewer's host to the application (at most 61 characters of CloudFront's 64). */
    public String viewerHostFunction() {
        return name + "-host";
    }

    public String secretsKeyAlias() {
        return "alias/" + name + "-secrets-key";
    }

    public String assetsPrefix(String buildId) {
        return "assets/" + buildId + "/";
    }
}
