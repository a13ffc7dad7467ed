package dev.hover.plugin.secrets;

import dev.hover.model.Names;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.secrets.KmsFailures;
import dev.hover.secrets.StageBinding;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A stage's KMS key, alias {@code <name>-secrets-key}: created by the first encrypt of the stage,
 * found by its alias afterwards. Hover never exports it; only data keys leave KMS.
 */
public final class StageKey {
    /** @param created true when this call created the key */
    public record Found(String alias, String arn, boolean created) {
    }

    private final KmsKeys kms;
    private final Supplier<String> callerArn;

    /** @param callerArn who is calling (STS GetCallerIdentity): asked only when a key is created */
    public StageKey(KmsKeys kms, Supplier<String> callerArn) {
        this.kms = kms;
        this.callerArn = callerArn;
    }

    /** The stage's key, created with its policy, tags and alias if the stage has none yet. */
    public Found findOrCreate(StageBinding stage) {
        String alias = new Names(stage.name()).secretsKeyAlias();
        Optional<KmsKeys.Key> existing = usable(alias);
        if (existing.isPresent()) {
            return new Found(alias, existing.get().arn(), false);
        }
        KmsKeys.Key key = kms.create("Hover secrets of " + stage.name() + " (stage " + stage.stage() + ")",
                StageKeyPolicy.of(callerArn.get(), stage),
                Map.of(StageBinding.CONTEXT_NAME, stage.name(), StageBinding.CONTEXT_STAGE, stage.stage()));
        if (kms.createAlias(alias, key.arn())) {
            return new Found(alias, key.arn(), true);
        }
        // another run created the alias between our lookup and now: use its key, drop ours
        kms.scheduleDeletion(key.arn());
        return new Found(alias, usable(alias).orElseThrow().arn(), false);
    }

    private Optional<KmsKeys.Key> usable(String alias) {
        Optional<KmsKeys.Key> key = kms.findByAlias(alias);
        key.ifPresent(k -> KmsFailures.requireUsable(k.arn(), k.state()));
        return key;
    }
}
