package dev.hover.plugin.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stage's ECR repository: found or created with a lifecycle rule, a login for pushing, its images listed and untagged. */
public final class EcrRepositories {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** BatchDeleteImage takes at most this many image ids. */
    private static final int IMAGE_BATCH = 100;

    private final EcrClient ecr;

    public EcrRepositories(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** The repository's URI ({@code <registry>/<name>}), when it exists. */
    public Optional<String> find(String name) {
        try {
            return AwsErrors.explain("describe the ECR repository " + name,
                    () -> ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().stream()
                            .findFirst().map(Repository::repositoryUri));
        } catch (AwsException e) {
            if (e.getCause() instanceof RepositoryNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates the repository, scanning on push, with a lifecycle rule that expires untagged images
     * beyond {@code keepUntagged} (they pile up whenever a tag moves on to a newer image).
     *
     * @return the repository's URI
     */
    public String create(String name, int keepUntagged) {
        String uri = AwsErrors.explain("create the ECR repository " + name,
                () -> ecr.createRepository(r -> r.repositoryName(name)
                        .imageTagMutability(ImageTagMutability.MUTABLE)
                        .imageScanningConfiguration(s -> s.scanOnPush(true))).repository().repositoryUri());
        AwsErrors.explain("set the lifecycle policy of the ECR repository " + name,
                () -> ecr.putLifecyclePolicy(r -> r.repositoryName(name).lifecyclePolicyText(lifecyclePolicy(keepUntagged))));
        return uri;
    }

    static String lifecyclePolicy(int keepUntagged) {
        ObjectNode policy = JSON.createObjectNode();
        ObjectNode rule = policy.putArray("rules").addObject();
        rule.put("rulePriority", 1);
        rule.put("description", "keep the " + keepUntagged + " most recent untagged images");
        rule.putObject("selection")
                .put("tagStatus", "untagged")
                .put("countType", "imageCountMoreThan")
                .put("countNumber", keepUntagged);
        rule.putObject("action").put("type", "expire");
        return policy.toString();
    }

    /**
     * Deletes the repository with every image in it.
     *
     * @return false when there was no such repository
     */
    public boolean deleteWithImages(String name) {
        try {
            AwsErrors.explain("delete the ECR repository " + name, () -> ecr.deleteRepository(r -> r.repositoryName(name).force(true)));
            return true;
        } catch (AwsException e) {
            if (e.getCause() instanceof RepositoryNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /** An image in a repository: its digest and its tags (none when untagged). */
    public record Image(String digest, List<String> tags) {
    }

    /**
     * The images of the repository.
     *
     * @return none when there is no such repository
     */
    public List<Image> images(String name) {
        try {
            return AwsErrors.explain("list the images of the ECR repository " + name, () -> ecr
                    .describeImagesPaginator(r -> r.repositoryName(name)).imageDetails().stream()
                    .map(detail -> new Image(detail.imageDigest(), detail.hasImageTags() ? detail.imageTags() : List.of()))
                    .toList());
        } catch (AwsException e) {
            if (e.getCause() instanceof RepositoryNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Removes the tags from the repository. An image loses only the tags named: it is deleted with its last
     * tag, and stays while another tag names it.
     *
     * @return each tag ECR could not remove, with its reason; a tag already gone is not among them
     */
    public Map<String, String> untag(String name, List<String> tags) {
        Map<String, String> failures = new LinkedHashMap<>();
        for (int from = 0; from < tags.size(); from += IMAGE_BATCH) {
            List<ImageIdentifier> batch = tags.subList(from, Math.min(from + IMAGE_BATCH, tags.size())).stream()
                    .map(tag -> ImageIdentifier.builder().imageTag(tag).build()).toList();
            AwsErrors.explain("delete images of the ECR repository " + name,
                    () -> ecr.batchDeleteImage(r -> r.repositoryName(name).imageIds(batch))).failures().stream()
                    .filter(failure -> failure.failureCode() != ImageFailureCode.IMAGE_NOT_FOUND)
                    .forEach(failure -> failures.put(failure.imageId().imageTag(),
                            failure.failureCodeAsString() + ": " + failure.failureReason()));
        }
        return failures;
    }

    /** A login to the account's registry from ECR's authorization token (valid for 12 hours). */
    public RegistryLogin login() {
        AuthorizationData data = AwsErrors.explain("get an ECR authorization token",
                () -> ecr.getAuthorizationToken(r -> { }).authorizationData().get(0));
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String registry = data.proxyEndpoint().replaceFirst("^https?://", "");
        return new RegistryLogin(registry, decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
