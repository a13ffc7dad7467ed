package dev.hover.plugin.aws;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the credentials belong to. Asked first, so that missing, expired or rejected credentials
 * stop a deploy before it changes anything, with a message that says how to fix them.
 */
public final class Identity {
    /** @param arn the caller's ARN, e.g. an assumed role's session */
    public record Caller(String account, String arn) {
    }

    private final StsClient sts;

    public Identity(StsClient sts) {
        this.sts = sts;
    }

    public Caller whoAmI() {
        GetCallerIdentityResponse response = AwsErrors.explain("check the AWS credentials", () -> sts.getCallerIdentity());
        return new Caller(response.account(), response.arn());
    }
}
