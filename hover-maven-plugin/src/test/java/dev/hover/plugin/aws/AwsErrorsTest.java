package dev.hover.plugin.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsErrorsTest {
    private static AwsServiceException serviceError(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    @Test
    void aMissingPermissionNamesTheActionAndTheResource() {
        AwsException e = AwsErrors.explain("create the ECR repository shop-dev", serviceError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:CreateRepository on resource: "
                        + "arn:aws:ecr:eu-west-1:123456789012:repository/shop-dev because no identity-based policy allows it"));

        assertThat(e.getMessage())
                .contains("Could not create the ECR repository shop-dev")
                .contains("arn:aws:iam::123456789012:user/ci may not call ecr:CreateRepository")
                .contains("on arn:aws:ecr:eu-west-1:123456789012:repository/shop-dev")
                .contains("Allow the action `ecr:CreateRepository`");
    }

    @Test
    void anAccessDeniedWithoutDetailsStillSaysItIsAPermission() {
        AwsException e = AwsErrors.explain("upload a.js", serviceError(403, "AccessDenied", "Access Denied"));

        assertThat(e.getMessage()).contains("access denied").contains("lacks a permission");
    }

    @Test
    void expiredCredentialsSayHowToRenewThem() {
        AwsException e = AwsErrors.explain("check the AWS credentials",
                serviceError(403, "ExpiredToken", "The security token included in the request is expired"));

        assertThat(e.getMessage()).contains("have expired").contains("aws sso login");
    }

    @Test
    void rejectedCredentialsAreNamedAsSuch() {
        AwsException e = AwsErrors.explain("check the AWS credentials",
                serviceError(403, "InvalidClientTokenId", "The security token included in the request is invalid."));

        assertThat(e.getMessage()).contains("does not accept these credentials").contains("InvalidClientTokenId");
    }

    @Test
    void noCredentialsAtAllPointsAtTheProfileSetting() {
        AwsException e = AwsErrors.explain("check the AWS credentials",
                SdkClientException.create("Unable to load credentials from any of the providers in the chain"));

        assertThat(e.getMessage()).contains("no AWS credentials found").contains("aws-profile");
    }
}
