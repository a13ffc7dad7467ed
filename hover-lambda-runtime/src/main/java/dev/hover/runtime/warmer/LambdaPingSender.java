package dev.hover.runtime.warmer;

import dev.hover.runtime.aws.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pings through the Lambda API with the AWS SDK, a client made by {@link AwsClients} (the
 * function's own role and region). Built only when a warmer event arrives,
 * so that containers that are never asked to warm never load the SDK.
 */
public final class LambdaPingSender implements PingSender {
    private static final SdkBytes PING = SdkBytes.fromString("{\"warmerPing\":true}", StandardCharsets.UTF_8);

    private final LambdaClient lambda = AwsClients.fromProcessEnvironment().configure(LambdaClient.builder()).build();

    @Override
    public void ping(String function, String qualifier, long timeoutMillis) {
        InvokeResponse response = lambda.invoke(request -> request
                .functionName(function)
                .qualifier(qualifier)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(PING)
                .overrideConfiguration(config -> config.apiCallTimeout(Duration.ofMillis(timeoutMillis))));
        if (response.functionError() != null) {
            throw new IllegalStateException("the ping failed in the function (" + response.functionError() + "): "
                    + response.payload().asUtf8String());
        }
    }
}
