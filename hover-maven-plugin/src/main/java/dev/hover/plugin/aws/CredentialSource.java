package dev.hover.plugin.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.util.Optional;

/**
 * The credentials a command uses and, for people reading its output, where they came from.
 *
 * @param provider    resolves (and refreshes) the credentials, as the SDK's providers do
 * @param description e.g. {@code environment (AWS_ACCESS_KEY_ID)} or {@code profile 'acme-dev'}
 * @param profile     the profile in use, when the credentials come from one
 */
public record CredentialSource(AwsCredentialsProvider provider, String description, Optional<String> profile) {
}
