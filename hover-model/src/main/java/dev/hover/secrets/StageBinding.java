package dev.hover.secrets;

import java.util.Map;

/**
 * The stage a secrets file belongs to. It is bound into the file twice: as the KMS encryption
 * context of the data key and as AES-GCM associated data, so a file copied to another stage (or
 * another app) does not decrypt there.
 *
 * @param name  the manifest's {@code name} ({@code <app>-<stage>})
 * @param stage the stage
 */
public record StageBinding(String name, String stage) {
    public static final String CONTEXT_NAME = "hover:name";
    public static final String CONTEXT_STAGE = "hover:stage";

    public StageBinding {
        if (name == null || name.isBlank() || stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("a stage binding needs a name and a stage");
        }
    }

    /** The KMS encryption context: visible in CloudTrail, and usable in key policy conditions. */
    public Map<String, String> encryptionContext() {
        return Map.of(CONTEXT_NAME, name, CONTEXT_STAGE, stage);
    }

    @Override
    public String toString() {
        return "stage " + stage + " (name " + name + ")";
    }
}
