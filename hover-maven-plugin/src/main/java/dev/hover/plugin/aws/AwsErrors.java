package dev.hover.plugin.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the SDK's exceptions into messages that say what to do: a missing permission names the
 * action and the resource, expired or invalid credentials say how to renew them.
 */
public final class AwsErrors {
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
            "UnauthorizedException", "Forbidden");
    private static final Set<String> EXPIRED = Set.of(
            "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");
    private static final Set<String> INVALID = Set.of(
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
            "InvalidAccessKeyId", "InvalidSignatureException", "IncompleteSignature");
    private static final Pattern NOT_AUTHORIZED = Pattern.compile(
            "(?:User|Principal):?\\s*(\\S+) is not authorized to perform:?\\s*(\\S+?)(?:\\s+on resource:?\\s*(\\S+?))?(?:\\s|$|\\.|,|;)");

    private AwsErrors() {
    }

    /** Runs {@code call}; an SDK exception becomes an {@link AwsException} saying what was being done. */
    public static <T> T explain(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw explain(doing, e);
        }
    }

    public static void explain(String doing, Runnable call) {
        explain(doing, () -> {
            call.run();
            return null;
        });
    }

    public static AwsException explain(String doing, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = message(service);
            if (code != null && ACCESS_DENIED.contains(code) || service.statusCode() == 403 && !isCredentialCode(code)) {
                return new AwsException(accessDenied(doing, message), e);
            }
            if (code != null && EXPIRED.contains(code)) {
                return new AwsException("Could not " + doing + ": the AWS credentials have expired (" + message + "). "
                        + "Renew them: `aws sso login --profile <profile>` for an SSO profile, or fresh keys/session "
                        + "token in the environment.", e);
            }
            if (code != null && INVALID.contains(code)) {
                return new AwsException("Could not " + doing + ": AWS does not accept these credentials (" + code + ": "
                        + message + "). Check the access key and secret of the profile or the environment, and that "
                        + "the clock of this machine is right.", e);
            }
            return new AwsException("Could not " + doing + ": " + (code == null ? "" : code + ": ") + message, e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("Unable to load credentials")) {
            return new AwsException("Could not " + doing + ": no AWS credentials found. Set aws-profile in the stage's "
                    + "manifest (or -Dhover.profile), or provide credentials in the environment. " + e.getMessage(), e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("SSO")) {
            return new AwsException("Could not " + doing + ": the SSO session is missing or expired; run "
                    + "`aws sso login --profile <profile>` and try again. (" + e.getMessage() + ")", e);
        }
        return new AwsException("Could not " + doing + ": " + e.getMessage(), e);
    }

    private static boolean isCredentialCode(String code) {
        return code != null && (EXPIRED.contains(code) || INVALID.contains(code));
    }

    private static String accessDenied(String doing, String message) {
        Matcher m = NOT_AUTHORIZED.matcher(message);
        if (m.find()) {
            String resource = m.group(3) == null ? "*" : m.group(3);
            return "Could not " + doing + ": permission missing. " + m.group(1) + " may not call " + m.group(2)
                    + " on " + resource + ". Allow the action `" + m.group(2) + "` on `" + resource
                    + "` in the policy of that identity (or deploy with a profile that has it).";
        }
        return "Could not " + doing + ": access denied (" + message + "). The deploying identity lacks a permission "
                + "for this step; see docs/deploy.md for the permissions a deploy needs.";
    }

    private static String message(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details != null && details.errorMessage() != null) {
            return details.errorMessage();
        }
        // an error body the SDK could not parse (a proxy, an emulator) still says what went wrong
        if (details != null && details.rawResponse() != null && details.rawResponse().asByteArrayUnsafe().length > 0) {
            String raw = details.rawResponse().asUtf8String().strip();
            return (raw.length() > 1000 ? raw.substring(0, 1000) + "…" : raw) + " (HTTP " + e.statusCode() + ")";
        }
        return e.getMessage();
    }
}
