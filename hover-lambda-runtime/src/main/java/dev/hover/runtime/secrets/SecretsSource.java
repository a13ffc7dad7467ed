package dev.hover.runtime.secrets;

import dev.hover.model.packaged.PackagedManifest;

import java.nio.file.Path;
import java.util.Map;

/**
 * Decrypts the stage's packaged secrets at cold start. Called only when the image has a secrets
 * file. The values are handed to the application and never logged.
 */
@FunctionalInterface
public interface SecretsSource {

    /**
     * @param encryptedFile {@code $LAMBDA_TASK_ROOT/hover/secrets.env}
     * @return the secrets by name
     * @throws Exception reported as the init error; the message must not contain secret values
     */
    Map<String, String> load(Path encryptedFile, PackagedManifest manifest) throws Exception;
}
