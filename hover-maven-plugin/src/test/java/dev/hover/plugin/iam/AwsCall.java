package dev.hover.plugin.iam;

import java.util.List;
import java.util.Optional;

/**
 * One AWS API call the plugin made, as the IAM permissions it needs: most calls need the action of
 * their name on one resource, some another action ({@code HeadBucket} is {@code s3:ListBucket}) or
 * two ({@code CopyObject} reads its source and writes its target).
 *
 * @param operation {@code s3:HeadBucket}, the service's IAM prefix and the API's operation
 */
record AwsCall(String operation, List<Permission> permissions) {
    /** @param resource the ARN acted on, when the request names it */
    record Permission(String action, Optional<String> resource) {
        @Override
        public String toString() {
            return action + resource.map(r -> " on " + r).orElse("");
        }
    }
}
