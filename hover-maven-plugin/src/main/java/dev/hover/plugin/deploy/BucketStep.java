package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.AssetsBucket;

/** The stage's assets bucket, created (private, encrypted) when missing. */
final class BucketStep {
    private final AssetsBucket bucket;
    private final String region;

    BucketStep(AssetsBucket bucket, String region) {
        this.bucket = bucket;
        this.region = region;
    }

    /** @return whether the bucket exists now (false only in a dry run of a new stage) */
    Steps.Outcome<Boolean> run(boolean dryRun) {
        if (bucket.exists()) {
            return Steps.Outcome.of(true, bucket.name());
        }
        if (dryRun) {
            return Steps.Outcome.of(false, "would create the bucket " + bucket.name());
        }
        bucket.create(region);
        return Steps.Outcome.of(true, "created " + bucket.name() + " (private, public access blocked, encrypted)");
    }
}
