package dev.hover.runtime.warmer;

import dev.hover.runtime.Invocation;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PackageType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warmer's pings through the AWS SDK, against moto's Lambda API (simple backend: no Docker). */
class LambdaPingSenderMotoTest {
    private static final String FUNCTION = "shop-dev-http";
    private static String arn;
    private static String version;

    @BeforeAll
    static void createFunctionWithAVersion() {
        MotoServer moto = LocalAws.moto();
        moto.reset();
        moto.useSimpleLambdaBackend();
        moto.applyToSystemProperties();
        try (IamClient iam = IamClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            iam.createRole(request -> request.roleName("shop-dev-lambda").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
        try (LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            arn = lambda.createFunction(request -> request
                    .functionName(FUNCTION)
                    .packageType(PackageType.IMAGE)
                    .code(code -> code.imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-dev:build-1"))
                    .role("arn:aws:iam::123456789012:role/shop-dev-lambda")
                    .timeout(28)).functionArn();
            version = lambda.publishVersion(request -> request.functionName(FUNCTION)).version();
        }
    }

    private static String warm(String qualifiedArn, int concurrency) throws InterruptedException {
        Warmer warmer = new Warmer(LambdaPingSender::new);
        Invocation invocation = new Invocation("id", System.currentTimeMillis() + 20_000, qualifiedArn, null, new byte[0]);
        return new String(warmer.warm(invocation, concurrency), StandardCharsets.UTF_8);
    }

    @Test
    void sendsExactlyNMinusOnePingsThatMotoAnswers() throws InterruptedException {
        LocalAws.moto().queueLambdaResults("us-east-1", List.of("{\"pong\":true}", "{\"pong\":true}", "left over"));

        assertThat(warm(arn + ":" + version, 3)).isEqualTo("{\"warmed\":3}");

        try (LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String next = lambda.invoke(request -> request.functionName(FUNCTION).qualifier(version)
                    .payload(SdkBytes.fromUtf8String("{}"))).payload().asUtf8String();
            assertThat(next).as("the third queued answer is left: two pings were sent").isEqualTo("left over");
        }
    }
}
