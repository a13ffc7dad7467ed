package dev.hover.plugin.rollback;

import dev.hover.plugin.command.MotoCliFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

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
    public static final String REPOSITORY = "shop-staging";

    private final LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private final EcrClient ecr = EcrClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

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
     * What a deploy of {@code build} leaves: the stage's assets bucket (which holds its lease) with the
     * build's assets under {@code assets/<build>/}, the build's image tagged {@code <build>} in the stage's
     * ECR repository (moto's ECR has no registry behind it: the image is its manifest), and on each
     * function a new version described with the build, live on it.
     */
    public void deploy(String build, String... functions) {
        built(build);
        release(build, functions);
    }

    /** What a deploy of {@code build} leaves before its release: its image and its assets. */
    public void built(String build) {
        if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
        for (String file : new String[] {"app.js", "site.css"}) {
            s3.putObject(r -> r.bucket(BUCKET).key("assets/" + build + "/" + file), RequestBody.fromString(file + " of " + build));
        }
        if (ecr.describeRepositories().repositories().stream().noneMatch(r -> r.repositoryName().equals(REPOSITORY))) {
            ecr.createRepository(r -> r.repositoryName(REPOSITORY));
        }
        // each build its own image: a config digest made of the build id
        String config = HexFormat.of().formatHex(build.getBytes(StandardCharsets.US_ASCII));
        ecr.putImage(r -> r.repositoryName(REPOSITORY).imageTag(build).imageManifest("""
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": 2, "digest": "sha256:%s"},
                 "layers": []}""".formatted((config + "0".repeat(64)).substring(0, 64))));
    }

    /** The release of a deploy of {@code build}: a new version of each function described with the build, live on it. */
    public void release(String build, String... functions) {
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

    /** The builds the function has published versions of, oldest first, as the versions' descriptions name them. */
    public List<String> versionBuilds(String function) {
        return lambda.listVersionsByFunction(r -> r.functionName(function)).versions().stream()
                .filter(v -> !"$LATEST".equals(v.version()))
                .map(v -> v.description().replace("hover build ", "")).toList();
    }

    /** The tags in the stage's ECR repository, sorted. */
    public List<String> imageTags() {
        return ecr.describeImages(r -> r.repositoryName(REPOSITORY)).imageDetails().stream()
                .flatMap(image -> image.imageTags().stream()).sorted().toList();
    }

    /** The builds with objects under {@code assets/<build>/}, sorted. */
    public List<String> assetBuilds() {
        return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("assets/")).contents().stream()
                .map(o -> o.key().split("/")[1]).distinct().sorted().toList();
    }

    /** Deletes a version by hand, as a purge stopped half-way leaves it. */
    public void deleteVersion(String function, String build) {
        lambda.listVersionsByFunction(r -> r.functionName(function)).versions().stream()
                .filter(v -> ("hover build " + build).equals(v.description()))
                .forEach(v -> lambda.deleteFunction(r -> r.functionName(function).qualifier(v.version())));
    }

    @Override
    public void close() {
        lambda.close();
        s3.close();
        ecr.close();
    }
}
