package dev.hover.plugin.aws;

import dev.hover.secrets.DataKey;
import dev.hover.secrets.DataKeys;
import dev.hover.secrets.KmsFailures;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The KMS calls Hover makes: stage keys by alias, and data keys under them. */
public final class KmsKeys {
    private static final String PRINCIPAL = "the AWS identity running Hover (the stage's aws-profile, or the environment's credentials)";

    private final KmsClient kms;

    public KmsKeys(KmsClient kms) {
        this.kms = kms;
    }

    /** @param state KMS's {@code KeyState}, e.g. {@code Enabled}, {@code PendingDeletion} */
    public record Key(String arn, String state) {
    }

    /** The key an alias ({@code alias/...}) points to, if the alias exists. */
    public Optional<Key> findByAlias(String alias) {
        return Optional.ofNullable(call("kms:DescribeKey", alias, () -> {
            try {
                KeyMetadata key = kms.describeKey(r -> r.keyId(alias)).keyMetadata();
                return new Key(key.arn(), key.keyStateAsString());
            } catch (NotFoundException e) {
                return null;
            }
        }));
    }

    /** A new symmetric encryption key. */
    public Key create(String description, String policy, Map<String, String> tags) {
        KeyMetadata key = call("kms:CreateKey", "(new key)", () -> kms.createKey(r -> r
                .description(description)
                .policy(policy)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().tagKey(t.getKey()).tagValue(t.getValue()).build()).toList()))
                .keyMetadata());
        return new Key(key.arn(), key.keyStateAsString());
    }

    /** @return false when the alias exists already (another run created it first) */
    public boolean createAlias(String alias, String keyArn) {
        return call("kms:CreateAlias", alias, () -> {
            try {
                kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyArn));
                return true;
            } catch (AlreadyExistsException e) {
                return false;
            }
        });
    }

    /** KMS's shortest waiting period before a key scheduled for deletion is deleted. */
    public static final int SHORTEST_DELETION_WINDOW_DAYS = 7;

    /**
     * Schedules a key's deletion after KMS's shortest waiting period; until then
     * {@code aws kms cancel-key-deletion} undoes it.
     *
     * @return when KMS deletes the key
     */
    public Instant scheduleDeletion(String keyArn) {
        // named by its id, which KMS takes as well as the ARN (and moto, unlike KMS, takes only the id here)
        String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
        return call("kms:ScheduleKeyDeletion", keyArn, () -> kms.scheduleKeyDeletion(r -> r.keyId(keyId)
                .pendingWindowInDays(SHORTEST_DELETION_WINDOW_DAYS)).deletionDate());
    }

    /** Data keys under {@code keyId} (an ARN or an alias), which is also the only key decrypt accepts. */
    public DataKeys dataKeys(String keyId) {
        return new DataKeys() {
            @Override
            public DataKey generate(Map<String, String> context) {
                GenerateDataKeyResponse response = call("kms:GenerateDataKey", keyId, () -> kms.generateDataKey(r -> r
                        .keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(context)));
                return new DataKey(response.keyId(), response.plaintext().asByteArray(), response.ciphertextBlob().asByteArray());
            }

            @Override
            public byte[] decrypt(byte[] encrypted, Map<String, String> context) {
                return call("kms:Decrypt", keyId, () -> kms.decrypt(r -> r
                        .keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(encrypted)).encryptionContext(context))
                        .plaintext().asByteArray());
            }
        };
    }

    private static <T> T call(String action, String keyId, Supplier<T> request) {
        try {
            return request.get();
        } catch (KmsException e) {
            throw KmsFailures.translate(action, keyId, PRINCIPAL, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw AwsErrors.explain("call " + action + " on " + keyId, e);
        }
    }
}
