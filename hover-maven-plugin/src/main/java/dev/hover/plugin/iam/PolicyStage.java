package dev.hover.plugin.iam;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;

import java.util.Optional;

/**
 * What the IAM documents of a stage are rendered from.
 *
 * @param name       the stage's {@code name}, which its AWS names derive from ({@link Names})
 * @param repository the ECR repository its image goes to
 * @param account    the account id, or {@value IamPolicies#ACCOUNT_PLACEHOLDER}
 * @param vpc        whether its functions run in a VPC
 */
public record PolicyStage(String name, String region, String repository, String account,
                          Optional<String> stackRole, Optional<String> lambdaRole, boolean vpc) {

    /** @param account the stage's account (the caller's), or empty to keep {@value IamPolicies#ACCOUNT_PLACEHOLDER} */
    public static PolicyStage of(StageManifest manifest, Optional<String> account) {
        return new PolicyStage(manifest.name(), manifest.region(), ecrRepository(manifest),
                account.orElse(IamPolicies.ACCOUNT_PLACEHOLDER), manifest.auth().stackRole(),
                manifest.auth().lambdaRole(), manifest.vpc().isPresent());
    }

    /** {@code java.repository}'s path when it is in ECR, else the stage's own repository. */
    private static String ecrRepository(StageManifest manifest) {
        return manifest.java().repository()
                .filter(repository -> repository.contains(".dkr.ecr.") && repository.indexOf('/') > 0)
                .map(repository -> repository.substring(repository.indexOf('/') + 1))
                .orElse(Names.of(manifest).repository());
    }
}
