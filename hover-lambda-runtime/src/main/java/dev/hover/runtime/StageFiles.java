package dev.hover.runtime;

import dev.hover.model.packaged.LaunchCommand;
import dev.hover.model.packaged.PackagedManifest;
import dev.hover.model.packaged.PackagedManifestCodec;
import dev.hover.model.packaged.PackagedManifestException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage's files in the image (docs/architecture.md, "The image layout"): the packaged manifest
 * at {@code $HOVER_MANIFEST}, else {@code $LAMBDA_TASK_ROOT/hover/stage.properties}, and the encrypted
 * secrets at {@code $LAMBDA_TASK_ROOT/hover/secrets.env}.
 */
final class StageFiles {
    private static final String DEFAULT_TASK_ROOT = "/var/task";

    private final Map<String, String> environment;
    private final String taskRoot;

    StageFiles(Map<String, String> environment) {
        this.environment = environment;
        this.taskRoot = environment.getOrDefault("LAMBDA_TASK_ROOT", DEFAULT_TASK_ROOT);
    }

    PackagedManifest readManifest() throws InitException {
        String configured = environment.get("HOVER_MANIFEST");
        Path file = configured != null && !configured.isEmpty() ? Path.of(configured) : Path.of(taskRoot, "hover", PackagedManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InitException("ManifestMissing", "No packaged manifest at " + file
                    + (configured != null ? " (HOVER_MANIFEST)" : " ($LAMBDA_TASK_ROOT/hover/" + PackagedManifest.FILE_NAME + ")"));
        }
        try {
            return PackagedManifestCodec.read(file);
        } catch (PackagedManifestException e) {
            throw new InitException("ManifestInvalid", e.getMessage(), e);
        }
    }

    /**
     * The secrets as the launch command put them into this process's environment: their names in
     * {@value LaunchCommand#SECRET_NAMES_VARIABLE}, their values under those names.
     */
    Map<String, String> secretsFromEnvironment() throws InitException {
        Path file = secretsFile();
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        String names = environment.get(LaunchCommand.SECRET_NAMES_VARIABLE);
        if (names == null) {
            throw new InitException("SecretsUnavailable", "The secrets of " + file + " are not in the process environment"
                    + " (no " + LaunchCommand.SECRET_NAMES_VARIABLE + "): the image's entry point (hover-launch) decrypts them"
                    + " before this JVM starts; perhaps you should rebuild the image with hover:build");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names.split(" ")) {
            String value = name.isEmpty() ? null : environment.get(name);
            if (value != null) {
                values.put(name, value);
            } else if (!name.isEmpty()) {
                throw new InitException("SecretsUnavailable", "The secret " + name + " named in "
                        + LaunchCommand.SECRET_NAMES_VARIABLE + " is not in the process environment");
            }
        }
        return values;
    }

    private Path secretsFile() {
        return Path.of(taskRoot, "hover", "secrets.env");
    }
}
