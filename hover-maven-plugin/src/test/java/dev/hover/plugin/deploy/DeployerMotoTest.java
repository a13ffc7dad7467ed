package dev.hover.plugin.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy end to end against moto: every check goes through the AWS APIs. */
class DeployerMotoTest extends MotoDeployTest {
    @Test
    void aFirstDeployCreatesEverythingAndReleasesEveryFunction() throws Exception {
        StageManifest manifest = SampleStage.manifest();
        moto.queueLambdaResults(REGION, List.of(OK_WARM, "{\"exitCode\": 0, \"output\": \"3 migrations ran\"}"));

        DeploySummary summary = deploy(manifest, build("b1"));

        String pushed = new ObjectMapper().readTree(registry.skopeo("inspect", registry.imageReference(SampleStage.NAME + ":b1")))
                .get("Digest").asText();
        assertThat(summary.image()).contains(repository() + "@" + pushed);
        assertThat(output).anyMatch(line -> line.contains("done Image: " + repository() + "@" + pushed) && !line.contains("(0 layer(s)"));

        S3Client s3 = clients.s3();
        String bucket = NAMES.assetsBucket();
        assertThat(s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
        assertThat(s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules()).isNotEmpty();
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("assets/b1/")).contents())
                .extracting(o -> o.key())
                .containsExactlyInAnyOrder("assets/b1/app.3f9a2c1b.js", "assets/b1/css/site.css", "assets/b1/favicon.ico");
        HeadObjectResponse js = s3.headObject(r -> r.bucket(bucket).key("assets/b1/app.3f9a2c1b.js"));
        assertThat(js.contentType()).startsWith("text/javascript");
        assertThat(js.cacheControl()).isEqualTo(AssetHeaders.IMMUTABLE);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("assets/b1/favicon.ico")).cacheControl()).isEqualTo(AssetHeaders.SHORT_LIVED);

        CloudFormationClient cloudFormation = clients.cloudFormation();
        assertThat(cloudFormation.describeStacks(r -> r.stackName(NAMES.stack())).stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_COMPLETE");

        LambdaClient lambda = clients.lambda();
        Map<String, String> live = liveVersions(manifest);
        assertThat(live).containsOnlyKeys(NAMES.httpFunction(), NAMES.cliFunction(),
                NAMES.queueFunction("default"), NAMES.queueFunction("mail"));
        live.forEach((fn, version) -> assertThat(lambda.getFunctionConfiguration(r -> r.functionName(fn).qualifier(version))
                .description()).isEqualTo("hover build b1"));

        assertThat(summary.released()).isTrue();
        assertThat(summary.versions()).isEqualTo(live);
        assertThat(output).anyMatch(line -> line.contains("3 migrations ran"));
        List<String> text = SummaryFormat.text(summary);
        assertThat(text).anyMatch(line -> line.contains("build id:   b1"));
        assertThat(text).anyMatch(line -> line.contains("stage:      dev"));
        assertThat(summary.steps()).extracting(StepTiming::step)
                .contains("Image repository", "Assets", "Stack " + NAMES.stack(), "Publish versions", "Deploy commands", "Release");
    }

    @Test
    void aRedeployOfTheSameBuildUploadsNothingAndLeavesTheStackAlone() {
        StageManifest manifest = SampleStage.manifest();
        BuildDescriptor build = build("b1");
        answerWarmerAndCommands();
        deploy(manifest, build);
        Map<String, String> first = liveVersions(manifest);

        answerWarmerAndCommands();
        DeploySummary again = deploy(manifest, build);

        assertThat(output).anyMatch(line -> line.contains("done Image:") && line.contains("(0 layer(s) pushed)"));
        assertThat(output).anyMatch(line -> line.contains("uploaded 0, copied 0 unchanged from the live build, 3 already there"));
        assertThat(output).anyMatch(line -> line.contains("Stack " + NAMES.stack() + ": no changes"));
        assertThat(again.stackChanges()).isEmpty();
        // Lambda (and moto) publish no new version when nothing changed: the live versions come back
        assertThat(again.versions()).isEqualTo(first);
        assertThat(again.released()).isFalse();
        assertThat(output).anyMatch(line -> line.contains("live already runs these versions: nothing to release"));
        assertThat(output).noneMatch(line -> line.contains("$ db:migrate"));
        assertThat(liveVersions(manifest)).isEqualTo(first);
        assertThat(SummaryFormat.text(again)).first().asString().contains("Nothing to release");
    }

    @Test
    void aBuildMadeAgainFromTheLiveReleasesInputsUnderANewIdDeploysNothing() {
        // build ids of this test alone: the tests share the registry
        StageManifest manifest = SampleStage.manifest();
        String fingerprint = "5e".repeat(32);
        answerWarmerAndCommands();
        deploy(manifest, SampleStage.build(dir, "same-1", baseImage, fingerprint));
        Map<String, String> first = liveVersions(manifest);
        assertThat(clients.lambda().getFunctionConfiguration(r -> r.functionName(NAMES.httpFunction()).qualifier(first.get(NAMES.httpFunction())))
                .description()).isEqualTo("hover build same-1 inputs " + fingerprint);
        Map<String, Integer> versionCounts = versionCounts(manifest);

        // the same inputs built on another machine: another build id (and, with build stamps, another image)
        BuildDescriptor again = SampleStage.build(dir, "same-2", baseImage, fingerprint);
        DeploySummary dryRun = deploy(manifest, again, true, new SampleStageTemplate());
        assertThat(output).anyMatch(line -> line.contains("live already runs build same-1, made from the same inputs as build same-2: nothing to deploy"));
        DeploySummary summary = deploy(manifest, again);

        assertThat(output).anyMatch(line -> line.contains("live already runs build same-1, made from the same inputs as build same-2: "
                + "nothing to deploy (no image pushed, stack left alone, no version published, deploy commands not run)"));
        assertThat(summary.released()).isFalse();
        assertThat(summary.buildId()).isEqualTo("same-1");
        assertThat(summary.versions()).isEqualTo(first);
        assertThat(summary.image()).isEmpty();
        assertThat(summary.steps()).extracting(StepTiming::step).doesNotContain("Image", "Stack " + NAMES.stack(), "Publish versions");
        assertThat(summary.url()).isEqualTo(dryRun.url());
        assertThat(SummaryFormat.text(summary)).first().asString().contains("Nothing to release");
        assertThat(liveVersions(manifest)).isEqualTo(first);
        assertThat(versionCounts(manifest)).isEqualTo(versionCounts);
        assertThatThrownBy(() -> registry.skopeo("inspect", registry.imageReference(SampleStage.NAME + ":same-2")))
                .as("no image pushed for same-2").isInstanceOf(RuntimeException.class);

        // other inputs (a changed class): a release
        answerWarmerAndCommands();
        DeploySummary changed = deploy(manifest, SampleStage.build(dir.resolve("changed"), "same-3", baseImage, "6f".repeat(32)));
        assertThat(changed.released()).isTrue();
        assertThat(liveVersions(manifest)).isNotEqualTo(first);
    }

    /** How many versions each function has (published ones and $LATEST). */
    private Map<String, Integer> versionCounts(StageManifest manifest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String fn : StageFunctions.of(manifest)) {
            counts.put(fn, clients.lambda().listVersionsByFunction(r -> r.functionName(fn)).versions().size());
        }
        return counts;
    }

    @Test
    void aNewBuildWithTheSameAssetsCopiesThemInsideTheBucket() {
        StageManifest manifest = SampleStage.manifest();
        answerWarmerAndCommands();
        deploy(manifest, build("b1"));

        answerWarmerAndCommands();
        BuildDescriptor second = build("b2");
        SampleStage.write(dir.resolve("assets/css/site.css"), "body { color: navy; }");
        deploy(manifest, second);

        assertThat(output).anyMatch(line -> line.contains("uploaded 1, copied 2 unchanged from the live build, 0 already there"));
        HeadObjectResponse copied = clients.s3().headObject(r -> r.bucket(NAMES.assetsBucket()).key("assets/b2/app.3f9a2c1b.js"));
        assertThat(copied.contentType()).startsWith("text/javascript");
        assertThat(copied.cacheControl()).isEqualTo(AssetHeaders.IMMUTABLE);
        assertThat(clients.s3().getObjectAsBytes(r -> r.bucket(NAMES.assetsBucket()).key("assets/b2/css/site.css")).asUtf8String())
                .isEqualTo("body { color: navy; }");
    }

    @Test
    void aChangedManifestUpdatesTheStack() {
        answerWarmerAndCommands();
        deploy(SampleStage.manifest(), build("b1"));

        StageManifest changed = SampleStage.manifest(2048, List.of("default", "mail", "reports"), List.of("db:migrate"));
        answerWarmerAndCommands();
        DeploySummary summary = deploy(changed, build("b2"));

        assertThat(summary.stackChanges()).anyMatch(c -> c.action().equals("Modify") && c.logicalId().equals("HttpFunction"));
        assertThat(summary.stackChanges()).anyMatch(c -> c.action().equals("Add") && c.logicalId().equals("ReportsQueueFunction"));
        assertThat(summary.stackChanges()).anyMatch(c -> c.action().equals("Add") && c.logicalId().equals("ReportsJobQueue"));
        LambdaClient lambda = clients.lambda();
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName(NAMES.httpFunction())).memorySize()).isEqualTo(2048);
        assertThat(lambda.listEventSourceMappings(r -> r.functionName(NAMES.queueFunction("reports"))).eventSourceMappings())
                .singleElement().satisfies(m -> assertThat(m.eventSourceArn()).endsWith(":" + NAMES.queue("reports")));
        assertThat(liveVersions(changed)).containsKey(NAMES.queueFunction("reports"));
    }

    @Test
    void aFailingDeployCommandStopsTheDeployAndLiveStaysWhereItWas() {
        StageManifest manifest = SampleStage.manifest();
        Map<String, String> before = releaseFirstBuild(manifest);

        StageManifest changed = SampleStage.manifest(1536, List.of("default", "mail"), List.of("db:migrate"));
        moto.queueLambdaResults(REGION, List.of(OK_WARM, "{\"exitCode\": 3, \"output\": \"migration 42 failed: column exists\"}"));
        assertThatThrownBy(() -> deploy(changed, build("b2")))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("`db:migrate` failed: it exited with 3")
                .hasMessageContaining("live still points at the previous versions");

        assertThat(output).anyMatch(line -> line.contains("migration 42 failed: column exists"));
        assertThat(liveVersions(manifest)).isEqualTo(before);
        LambdaClient lambda = clients.lambda();
        assertThat(lambda.listVersionsByFunction(r -> r.functionName(NAMES.httpFunction())).versions())
                .anyMatch(v -> "hover build b2".equals(v.description()));
    }

    @Test
    void aStackUpdateThatFailsIsReportedAndNothingIsReleased() {
        StageManifest manifest = SampleStage.manifest();
        Map<String, String> before = releaseFirstBuild(manifest);

        assertThatThrownBy(() -> deploy(manifest, build("b2"), false, BAD_ROLE))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("CloudFormation refused the change to the stack " + NAMES.stack())
                .hasMessageContaining("not-a-role")
                .hasMessageContaining("The stack is ")
                .hasMessageContaining("live still points at the previous versions");

        assertThat(output).anyMatch(line -> line.contains("FAILED") && line.contains("not-a-role"));
        assertThat(liveVersions(manifest)).isEqualTo(before);
        assertThat(clients.lambda().listFunctions().functions()).noneMatch(f -> f.functionName().equals("shop-dev-broken"));
    }

    @Test
    void aStageWhoseStackIsBusyFailsFastWithoutTouchingIt() {
        StageManifest manifest = SampleStage.manifest();
        String broken = BAD_ROLE.render(manifest, "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-dev@sha256:1", "b0");
        CloudFormationClient cloudFormation = clients.cloudFormation();
        try {
            cloudFormation.createStack(r -> r.stackName(NAMES.stack()).templateBody(broken));
        } catch (CloudFormationException expected) {
            // moto stops the creation half-way and leaves the stack CREATE_IN_PROGRESS, as a running deploy would
        }
        assertThat(cloudFormation.describeStacks(r -> r.stackName(NAMES.stack())).stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_IN_PROGRESS");

        assertThatThrownBy(() -> deploy(manifest, build("b1")))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("The stage dev is being changed right now")
                .hasMessageContaining("CREATE_IN_PROGRESS")
                .hasMessageContaining("Wait until that ends");
        assertThat(cloudFormation.listChangeSets(r -> r.stackName(NAMES.stack())).summaries()).isEmpty();
        // the bucket holds the stage's lease, so it is made first; the lease is released, nothing else is there
        assertThat(clients.s3().listObjectsV2(r -> r.bucket(NAMES.assetsBucket())).contents()).isEmpty();
        assertThat(clients.ecr().describeRepositories().repositories()).isEmpty();
    }

    @Test
    void aDryRunOfANewStageListsTheChangesAndCreatesNothing() {
        StageManifest manifest = SampleStage.manifest(1024, List.of("default", "mail"), List.of("db:migrate"), Optional.empty());

        DeploySummary summary = deploy(manifest, build("b1"), true, new SampleStageTemplate());

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.released()).isFalse();
        assertThat(summary.stackChanges()).extracting(c -> c.action() + " " + c.logicalId())
                .contains("Add HttpFunction", "Add CliFunction", "Add DefaultQueueFunction", "Add MailJobQueue");
        assertThat(output).anyMatch(line -> line.contains("Add") && line.contains("HttpFunction") && line.contains("AWS::Lambda::Function"));
        assertThat(output).anyMatch(line -> line.contains("would create the ECR repository " + NAMES.repository()));
        assertThat(output).anyMatch(line -> line.contains("would upload 3"));

        assertThat(clients.ecr().describeRepositories().repositories()).isEmpty();
        assertThat(clients.s3().listBuckets().buckets()).isEmpty();
        assertThat(clients.cloudFormation().listStacks().stackSummaries())
                .allMatch(s -> s.stackStatusAsString().equals("DELETE_COMPLETE"));
        assertThat(clients.lambda().listFunctions().functions()).isEmpty();
    }

    @Test
    void aDryRunOfAChangeShowsItAndChangesNothing() {
        StageManifest manifest = SampleStage.manifest();
        Map<String, String> before = releaseFirstBuild(manifest);

        StageManifest changed = SampleStage.manifest(2048, List.of("default"), List.of("db:migrate"));
        BuildDescriptor second = build("b2");
        SampleStage.write(dir.resolve("assets/new.js"), "new");
        DeploySummary summary = deploy(changed, second, true, new SampleStageTemplate());

        assertThat(summary.stackChanges()).extracting(c -> c.action() + " " + c.logicalId())
                .contains("Modify HttpFunction", "Remove MailQueueFunction", "Remove MailJobQueue");
        assertThat(output).anyMatch(line -> line.contains("would upload 1, would copy 3"));
        // the sample build records a digest the push does not give, so the dry run sees every function's image change
        assertThat(output).anyMatch(line -> line.contains("would apply 0 to add, 3 to modify, 3 to remove"));
        LambdaClient lambda = clients.lambda();
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName(NAMES.httpFunction())).memorySize()).isEqualTo(1024);
        assertThat(lambda.getFunction(r -> r.functionName(NAMES.queueFunction("mail"))).configuration()).isNotNull();
        assertThat(lambda.listVersionsByFunction(r -> r.functionName(NAMES.httpFunction())).versions())
                .noneMatch(v -> "hover build b2".equals(v.description()));
        assertThat(liveVersions(manifest)).isEqualTo(before);
        assertThat(clients.s3().listObjectsV2(r -> r.bucket(NAMES.assetsBucket()).prefix("assets/b2/")).contents()).isEmpty();
        assertThat(clients.cloudFormation().listChangeSets(r -> r.stackName(NAMES.stack())).summaries())
                .noneMatch(c -> c.changeSetName().contains("b2"));
        assertThat(clients.cloudFormation().describeStacks(r -> r.stackName(NAMES.stack())).stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void withoutJavaRepositoryTheImageGoesToTheStagesEcrRepositoryWithEcrsToken() {
        StageManifest manifest = SampleStage.manifest(1024, List.of("default"), List.of(), Optional.empty());
        List<ImageDestination> destinations = new ArrayList<>();
        ImagePublisher ecrPush = (b, destination) -> {
            destinations.add(destination);
            return new ImagePublisher.PublishedImage(destination.repository() + "@sha256:" + "e".repeat(64), 2);
        };
        moto.queueLambdaResults(REGION, List.of(OK_WARM));

        deploy(manifest, build("b1"), false, new SampleStageTemplate(), ecrPush);

        EcrClient ecr = clients.ecr();
        String uri = ecr.describeRepositories(r -> r.repositoryNames(NAMES.repository())).repositories().get(0).repositoryUri();
        assertThat(ecr.getLifecyclePolicy(r -> r.repositoryName(NAMES.repository())).lifecyclePolicyText())
                .contains("\"tagStatus\":\"untagged\"").contains("\"countNumber\":" + RepositoryStep.KEEP_UNTAGGED_IMAGES);
        assertThat(destinations).singleElement().satisfies(destination -> {
            assertThat(destination.repository()).isEqualTo(uri);
            assertThat(destination.login()).hasValueSatisfying(login -> {
                assertThat(login.registry()).isEqualTo(uri.substring(0, uri.indexOf('/')));
                assertThat(login.username()).isEqualTo("AWS");
            });
        });
        assertThat(clients.lambda().getFunction(r -> r.functionName(NAMES.httpFunction())).code().imageUri())
                .isEqualTo(uri + "@sha256:" + "e".repeat(64));
    }

    @Test
    void aTemplateOverTheInlineLimitGoesThroughTheBucketAndTheStackRoleIsPassed() {
        StageManifest manifest = SampleStage.withStackRole(SampleStage.manifest(),
                "arn:aws:iam::123456789012:role/shop-dev-cloudformation");
        String padding = "x".repeat(StackStep.MAX_TEMPLATE_BODY_BYTES);
        TemplateSource large = (m, image, buildId) -> new SampleStageTemplate().render(m, image, buildId)
                .replaceFirst("^\\{", "{\"Metadata\":{\"Padding\":\"" + padding + "\"},");
        answerWarmerAndCommands();

        deploy(manifest, build("b1"), false, large);

        assertThat(clients.s3().headObject(r -> r.bucket(NAMES.assetsBucket()).key("templates/b1.json")).contentLength())
                .isGreaterThan((long) StackStep.MAX_TEMPLATE_BODY_BYTES);
        var stack = clients.cloudFormation().describeStacks(r -> r.stackName(NAMES.stack())).stacks().get(0);
        assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(stack.roleARN()).isEqualTo("arn:aws:iam::123456789012:role/shop-dev-cloudformation");
    }
}
