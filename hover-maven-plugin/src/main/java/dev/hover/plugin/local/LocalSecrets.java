package dev.hover.plugin.local;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.secrets.DotenvParser;
import dev.hover.secrets.SecretsPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage's secrets for {@code hover:run}: the plain file {@code .hover/<stage>-secrets.plain.env}
 * as it is now, which {@code hover:secret-decrypt} writes with the developer's own AWS credentials.
 * Nothing is decrypted by {@code hover:run} itself, so it needs no AWS account; on Lambda the image's
 * entry point decrypts the same values with the stage's key.
 */
final class LocalSecrets {
    private LocalSecrets() {
    }

    /**
     * @return the variables the entry point's launcher would have added: the values, and
     *         their names in {@value LaunchCommand#SECRET_NAMES_VARIABLE}; empty when the image has no secrets
     */
    static Map<String, String> read(Path hoverDirectory, String stage, boolean imageHasSecrets) throws IOException {
        if (!imageHasSecrets) {
            return Map.of();
        }
        Path plain = SecretsPaths.plain(hoverDirectory, stage);
        if (!Files.isRegularFile(plain)) {
            throw new LocalRunException("The build of stage " + stage + " has secrets, and hover:run reads them from "
                    + plain + ", which does not exist; perhaps you should write it with mvn hover:secret-decrypt -Dhover.stage="
                    + stage + " (it decrypts " + SecretsPaths.encryptedFile(stage) + " with your own AWS credentials)"
                    + " and run again; the plain file stays out of git and out of the image");
        }
        Map<String, String> secrets = DotenvParser.parse(Files.readString(plain), plain.toString());
        Map<String, String> values = new LinkedHashMap<>(secrets);
        values.put(LaunchCommand.SECRET_NAMES_VARIABLE, String.join(" ", secrets.keySet()));
        return values;
    }
}
