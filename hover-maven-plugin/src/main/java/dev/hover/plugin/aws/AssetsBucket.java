package dev.hover.plugin.aws;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The stage's assets bucket. Objects are encrypted with S3-managed keys (SSE-S3), which keeps an
 * object's ETag the MD5 of its content for single-part uploads: listing a prefix is then enough
 * to know which files are already there.
 */
public final class AssetsBucket {
    /** DeleteObjects takes at most this many keys. */
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;

    public AssetsBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String name() {
        return bucket;
    }

    public boolean exists() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new AwsException("The assets bucket " + bucket + " exists but these credentials may not use it: "
                        + "either it belongs to another account (bucket names are global; the stage's name decides it) "
                        + "or s3:ListBucket on arn:aws:s3:::" + bucket + " is missing.", e);
            }
            throw AwsErrors.explain("look up the assets bucket " + bucket, e);
        }
    }

    /** Creates the bucket private (ACLs off, public access blocked) and encrypted by default. */
    public void create(String region) {
        try {
            s3.createBucket(r -> {
                r.bucket(bucket).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
                if (!"us-east-1".equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                }
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // two first deploys of a stage at once: the other made it, and the settings below are the same
        } catch (SdkException e) {
            throw AwsErrors.explain("create the assets bucket " + bucket, e);
        }
        AwsErrors.explain("block public access to the assets bucket " + bucket, () -> s3.putPublicAccessBlock(r -> r
                .bucket(bucket)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
                        .blockPublicPolicy(true).restrictPublicBuckets(true))));
        AwsErrors.explain("turn on encryption of the assets bucket " + bucket, () -> s3.putBucketEncryption(r -> r
                .bucket(bucket)
                .serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))))));
    }

    /** The objects under {@code prefix}: key (without the prefix) to ETag (without quotes). */
    public Map<String, String> list(String prefix) {
        Map<String, String> etags = new LinkedHashMap<>();
        AwsErrors.explain("list " + prefix + " in the assets bucket " + bucket, () -> s3
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach((S3Object o) -> etags.put(o.key().substring(prefix.length()), unquote(o.eTag()))));
        return etags;
    }

    public void upload(String key, Path file, String contentType, String cacheControl) {
        AwsErrors.explain("upload " + key + " to the assets bucket " + bucket, () -> s3.putObject(r -> r
                .bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromFile(file)));
    }

    public void upload(String key, byte[] content, String contentType) {
        AwsErrors.explain("upload " + key + " to the assets bucket " + bucket, () -> s3.putObject(r -> r
                .bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(content)));
    }

    /** Copies inside the bucket, setting the headers again (a copy keeps the source's otherwise). */
    public void copy(String fromKey, String toKey, String contentType, String cacheControl) {
        AwsErrors.explain("copy " + fromKey + " to " + toKey + " in the assets bucket " + bucket, () -> s3.copyObject(r -> r
                .sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket).destinationKey(toKey)
                .metadataDirective("REPLACE").contentType(contentType).cacheControl(cacheControl)
                .serverSideEncryption(ServerSideEncryption.AES256)));
    }

    /** An object's content with the ETag a conditional write or delete names it by. */
    public record StoredObject(byte[] content, String etag) {
    }

    public Optional<StoredObject> read(String key) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredObject(object.asByteArray(), unquote(object.response().eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.explain("read " + key + " in the assets bucket " + bucket, e);
        }
    }

    /**
     * Writes the object only when there is none under the key (S3's conditional write,
     * {@code If-None-Match: *}).
     *
     * @return its ETag; empty when an object is there (another writer came first)
     */
    public Optional<String> createIfAbsent(String key, byte[] content, String contentType) {
        return conditionally("create " + key, () -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256).ifNoneMatch("*"), RequestBody.fromBytes(content)).eTag());
    }

    /**
     * Replaces the object only when it still has the given ETag ({@code If-Match}).
     *
     * @return the new ETag; empty when the object changed or went away meanwhile
     */
    public Optional<String> replaceIfUnchanged(String key, byte[] content, String contentType, String etag) {
        return conditionally("replace " + key, () -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256).ifMatch(quote(etag)), RequestBody.fromBytes(content)).eTag());
    }

    /** Deletes the object only when it still has the given ETag; @return whether it did */
    public boolean deleteIfUnchanged(String key, String etag) {
        return conditionally("delete " + key, () -> {
            s3.deleteObject(r -> r.bucket(bucket).key(key).ifMatch(quote(etag)));
            return etag;
        }).isPresent();
    }

    /**
     * A conditional request: S3 answers 412 when the condition does not hold, 409 when a concurrent
     * conditional write won, 404 when an {@code If-Match} names an object that is gone.
     */
    private Optional<String> conditionally(String action, Supplier<String> request) {
        try {
            return Optional.of(unquote(request.get()));
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsErrors.explain(action + " in the assets bucket " + bucket, e);
        } catch (SdkException e) {
            throw AwsErrors.explain(action + " in the assets bucket " + bucket, e);
        }
    }

    /**
     * Deletes every version and delete marker of the objects whose key {@code which} accepts: what a
     * bucket must lose before S3 deletes it, versioned or not.
     *
     * @return how many versions and delete markers were deleted
     */
    public int deleteAllVersions(Predicate<String> which) {
        return deleteVersions("", which);
    }

    /**
     * Deletes every version and delete marker of the objects under {@code prefix}: a purged build's
     * assets, whether or not someone turned versioning on.
     *
     * @return how many versions and delete markers were deleted
     */
    public int deleteAllVersionsUnder(String prefix) {
        return deleteVersions(prefix, key -> true);
    }

    /** The names one level below {@code prefix} (for {@code assets/}: each build's), without the prefix or the slash. */
    public List<String> childPrefixes(String prefix) {
        List<String> names = new ArrayList<>();
        AwsErrors.explain("list " + prefix + " in the assets bucket " + bucket, () -> s3
                .listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes()
                .forEach(common -> names.add(common.prefix().substring(prefix.length()).replaceAll("/$", ""))));
        return names;
    }

    private int deleteVersions(String prefix, Predicate<String> which) {
        List<ObjectIdentifier> doomed = new ArrayList<>();
        AwsErrors.explain("list the object versions in the assets bucket " + bucket, () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(prefix))) {
                page.versions().stream().filter(v -> which.test(v.key()))
                        .forEach(v -> doomed.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().stream().filter(m -> which.test(m.key()))
                        .forEach(m -> doomed.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            }
        });
        for (int from = 0; from < doomed.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = doomed.subList(from, Math.min(from + DELETE_BATCH, doomed.size()));
            DeleteObjectsResponse response = AwsErrors.explain("delete objects in the assets bucket " + bucket,
                    () -> s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true))));
            if (!response.errors().isEmpty()) {
                S3Error first = response.errors().get(0);
                throw new AwsException("S3 refused to delete " + response.errors().size() + " object version(s) in the assets bucket "
                        + bucket + ", first " + first.key() + ": " + first.code() + " " + first.message());
            }
        }
        return doomed.size();
    }

    /**
     * Deletes the bucket, which must be empty.
     *
     * @return false when there was no such bucket
     */
    public boolean delete() {
        try {
            s3.deleteBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.explain("delete the assets bucket " + bucket, e);
        }
    }

    /**
     * The URL CloudFormation reads a template from: S3's own address in the region, whatever
     * endpoint this client talks to, since CloudFormation fetches it itself.
     */
    public String templateUrl(String key, String region) {
        return "https://" + bucket + ".s3." + region + ".amazonaws.com/" + key;
    }

    private static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
