package dev.hover.secrets;

import dev.hover.secrets.SecretsException.Reason;

import java.util.List;
import java.util.Map;

/**
 * Secrets override nothing: a variable set both in the manifest's {@code environment} and in the
 * stage's secrets is an error at build time, found without decrypting (the file lists its key names).
 */
public final class EnvironmentConflicts {
    private EnvironmentConflicts() {
    }

    /**
     * @param environment  the manifest's {@code environment}
     * @param manifestFile the manifest as the user sees it, e.g. {@code .hover/staging.yml}
     * @param secrets      the stage's encrypted secrets file
     * @throws SecretsException naming every variable set in both places
     */
    public static void requireDisjoint(Map<String, String> environment, String manifestFile, EncryptedSecretsFile secrets) {
        List<String> both = secrets.keyNames().stream().filter(environment::containsKey).toList();
        if (!both.isEmpty()) {
            throw new SecretsException(Reason.CONFLICT, String.join(", ", both) + (both.size() == 1 ? " is" : " are")
                    + " set both in the environment of " + manifestFile + " and in the secrets of stage "
                    + secrets.binding().stage() + " (" + SecretsPaths.encryptedFile(secrets.binding().stage())
                    + "): a secret overrides nothing; remove one of them");
        }
    }
}
