package dev.hover.plugin.aws;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Lambda, as a release uses it: versions (published, listed, deleted), aliases, invocations of a given version. */
public final class Functions {
    /** The unpublished, changing version; an alias on it releases nothing. */
    public static final String LATEST = "$LATEST";

    private final LambdaClient lambda;

    public Functions(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** A version as {@code PublishVersion} answers: the new one, or the latest when nothing changed since. */
    public record PublishedVersion(String version, String description) {
    }

    /** Publishes the function's current code and configuration as a new version. */
    public PublishedVersion publishVersion(String function, String description) {
        return AwsErrors.explain("publish a version of the function " + function, () -> {
            var published = lambda.publishVersion(r -> r.functionName(function).description(description));
            return new PublishedVersion(published.version(), published.description());
        });
    }

    public String versionDescription(String function, String version) {
        return AwsErrors.explain("read version " + version + " of the function " + function,
                () -> lambda.getFunctionConfiguration(r -> r.functionName(function).qualifier(version)).description());
    }

    /** Whether a published version is ready to run, and why not. */
    public VersionState versionState(String function, String version) {
        return AwsErrors.explain("read the state of version " + version + " of the function " + function, () -> {
            GetFunctionConfigurationResponse configuration =
                    lambda.getFunctionConfiguration(r -> r.functionName(function).qualifier(version));
            return new VersionState(configuration.stateAsString(), configuration.stateReasonCodeAsString(),
                    configuration.stateReason());
        });
    }

    /** Every published version of the function (not {@code $LATEST}) with its description, oldest first. */
    public Map<String, String> versionDescriptions(String function) {
        return AwsErrors.explain("list the versions of the function " + function, () -> {
            Map<String, String> versions = new LinkedHashMap<>();
            lambda.listVersionsByFunctionPaginator(r -> r.functionName(function)).versions().stream()
                    .filter(v -> !LATEST.equals(v.version()))
                    .forEach(v -> versions.put(v.version(), v.description()));
            return versions;
        });
    }

    /**
     * Deletes a published version. Lambda refuses one an alias points at.
     *
     * @return false when the version (or the function) was already gone
     */
    public boolean deleteVersion(String function, String version) {
        try {
            lambda.deleteFunction(r -> r.functionName(function).qualifier(version));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsErrors.explain("delete version " + version + " of the function " + function, e);
        }
    }

    /** The version the alias points at, when the function and the alias exist. */
    public Optional<String> aliasVersion(String function, String alias) {
        try {
            return Optional.of(lambda.getAlias(r -> r.functionName(function).name(alias)).functionVersion());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsErrors.explain("read the alias " + alias + " of the function " + function, e);
        }
    }

    /** Points the alias at the version, creating the alias when it is missing. */
    public void pointAlias(String function, String alias, String version) {
        boolean exists = aliasVersion(function, alias).isPresent();
        AwsErrors.explain("point the alias " + alias + " of " + function + " at version " + version, () -> {
            if (exists) {
                lambda.updateAlias(r -> r.functionName(function).name(alias).functionVersion(version));
            } else {
                lambda.createAlias(r -> r.functionName(function).name(alias).functionVersion(version));
            }
        });
    }

    /** Invokes a version (or alias) synchronously and waits for its answer. */
    public InvokeResult invoke(String function, String qualifier, String payload) {
        InvokeResponse response = AwsErrors.explain("invoke " + function + ":" + qualifier,
                () -> lambda.invoke(r -> r.functionName(function).qualifier(qualifier)
                        .invocationType(InvocationType.REQUEST_RESPONSE)
                        .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))));
        return new InvokeResult(response.statusCode(), Optional.ofNullable(response.functionError()),
                response.payload() == null ? "" : response.payload().asUtf8String());
    }
}
