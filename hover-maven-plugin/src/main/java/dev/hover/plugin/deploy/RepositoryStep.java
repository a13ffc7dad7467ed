package dev.hover.plugin.deploy;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.EcrRepositories;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the image goes: the stage's ECR repository (created when missing), or the repository
 * the manifest names in {@code java.repository}.
 */
final class RepositoryStep {
    /** Untagged images kept by the repository's lifecycle rule. */
    static final int KEEP_UNTAGGED_IMAGES = 20;
    private static final Pattern ECR_HOST = Pattern.compile("^\\d{12}\\.dkr\\.ecr(-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

    private final EcrRepositories repositories;
    private final String region;

    RepositoryStep(EcrRepositories repositories, String region) {
        this.repositories = repositories;
        this.region = region;
    }

    Steps.Outcome<ImageDestination> run(StageManifest manifest, boolean dryRun) {
        Optional<String> named = manifest.java().repository();
        if (named.isPresent()) {
            String repository = named.get();
            String host = repository.substring(0, Math.max(repository.indexOf('/'), 0));
            var ecr = ECR_HOST.matcher(host);
            if (ecr.matches()) {
                if (!ecr.group(2).equals(region)) {
                    throw new DeployException("java.repository " + repository + " is in region " + ecr.group(2)
                            + " but the stage is in " + region + ": Lambda only runs images from its own region. "
                            + "Use a repository in " + region + " (or replicate the repository there).");
                }
                return Steps.Outcome.of(new ImageDestination(repository,
                        dryRun ? Optional.empty() : Optional.of(repositories.login())), "java.repository " + repository);
            }
            return Steps.Outcome.of(new ImageDestination(repository, Optional.empty()), "java.repository " + repository);
        }
        String name = Names.of(manifest).repository();
        Optional<String> existing = repositories.find(name);
        if (existing.isPresent()) {
            return Steps.Outcome.of(new ImageDestination(existing.get(),
                    dryRun ? Optional.empty() : Optional.of(repositories.login())), existing.get());
        }
        if (dryRun) {
            return Steps.Outcome.of(new ImageDestination(name, Optional.empty()), "would create the ECR repository " + name);
        }
        String created = repositories.create(name, KEEP_UNTAGGED_IMAGES);
        return Steps.Outcome.of(new ImageDestination(created, Optional.of(repositories.login())), "created " + created);
    }
}
