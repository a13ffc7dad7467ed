package dev.hover.plugin.aws;

import java.util.Map;
import java.util.Optional;

/**
 * What a change set is made from.
 *
 * @param create      true for a stack that does not exist yet (change set type CREATE)
 * @param templateBody the template, when small enough to send inline
 * @param templateUrl the template's S3 URL otherwise
 * @param roleArn     the role CloudFormation assumes ({@code auth.stack-role})
 */
public record ChangeSetRequest(
        String stack,
        String changeSetName,
        boolean create,
        Optional<String> templateBody,
        Optional<String> templateUrl,
        Optional<String> roleArn,
        Map<String, String> tags) {

    public ChangeSetRequest {
        tags = Map.copyOf(tags);
        if (templateBody.isPresent() == templateUrl.isPresent()) {
            throw new IllegalArgumentException("a change set takes either a template body or a template URL");
        }
    }
}
