package dev.hover.plugin.rollback;

import dev.hover.plugin.command.MotoCliFunction;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stage {@code staging} ({@code shop-staging}, a queue function {@code mail}) on moto, with releases as
 * deploys leave them, made through the Lambda API with a client built the standard way (so after
 * {@code MotoServer.applyToSystemProperties()}).
 */
public final class MotoReleases implements AutoCloseable {
    public static final String HTTP = "shop-staging-http";
    public static final String CLI = "shop-staging-cli";
    public static final String MAIL = "shop-staging-mail-queue";

    public static final String BUCKET = "shop-staging-assets";

    private final LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();

    /** Writes the stage's manifest into {@code project} and makes the role its functions run with. */
    public MotoReleases(Path project) throws IOException {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover/staging.yml"), """
                name: shop-staging
                region: us-east-1
                queue:
                  mail:
                    queues: [mail]
                """);
        MotoCliFunction.createLambdaRole();
    }

    /**
     * What a deploy of {@code build} leaves: the stage's assets bucket (which holds its lease), and on each
     * function a new version described with the build, live on it.
     */
    public void deploy(String build, String... functions) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
        for (String fn : functions) {
            String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-staging:" + build;
            try {
                lambda.getFunction(r -> r.functionName(fn));
                lambda.updateFunctionCode(r -> r.functionName(fn).imageUri(image));
            } catch (ResourceNotFoundException e) {
                lambda.createFunction(r -> r.functionName(fn).packageType(PackageType.IMAGE)
                        .code(c -> c.imageUri(image)).role(MotoCliFunction.LAMBDA_ROLE));
            }
            String version = lambda.publishVersion(r -> r.functionName(fn).description("hover build " + build)).version();
            try {
                lambda.updateAlias(r -> r.functionName(fn).name("live").functionVersion(version));
            } catch (ResourceNotFoundException e) {
                lambda.createAlias(r -> r.functionName(fn).name("live").functionVersion(version));
            }
        }
    }

    /** The version the function's {@code live} alias points at. */
    public String live(String function) {
        return lambda.getAlias(r -> r.functionName(function).name("live")).functionVersion();
    }

    @Override
    public void close() {
        lambda.close();
        s3.close();
    }
}
