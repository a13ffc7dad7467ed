package dev.hover.plugin.command;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PackageType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stage {@code staging} ({@code shop-staging}) on moto, made through the AWS APIs with clients
 * built the standard way (so after {@code MotoServer.applyToSystemProperties()}).
 */
public final class MotoCliFunction {
    public static final String NAME = "shop-staging-cli";
    public static final String LAMBDA_ROLE = "arn:aws:iam::123456789012:role/shop-staging-lambda";

    private MotoCliFunction() {
    }

    public static void writeManifest(Path project, String region) throws IOException {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/staging.yml"), "name: shop-staging\nregion: " + region + "\n");
    }

    /** The cli function as a deploy leaves it: a published version and the live alias on it. */
    public static void deploy() {
        create();
        try (LambdaClient lambda = lambda()) {
            String version = lambda.publishVersion(r -> r.functionName(NAME)).version();
            lambda.createAlias(r -> r.functionName(NAME).name("live").functionVersion(version));
        }
    }

    /** The cli function alone, without versions or alias. */
    public static void create() {
        createLambdaRole();
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName(NAME)
                    .packageType(PackageType.IMAGE)
                    .code(c -> c.imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-staging:b1"))
                    .role(LAMBDA_ROLE));
        }
    }

    /**
     * The role {@link #LAMBDA_ROLE}: moto's Lambda wants a role that exists in its IAM; this module has no
     * IAM client, CloudFormation makes it.
     */
    public static void createLambdaRole() {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            cloudFormation.createStack(r -> r.stackName("shop-staging-role").templateBody("""
                    {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "shop-staging-lambda",
                      "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}}}
                    """).capabilities(Capability.CAPABILITY_NAMED_IAM));
        }
    }

    private static LambdaClient lambda() {
        return LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }
}
