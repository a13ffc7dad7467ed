package dev.hover.plugin.deploy;

import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.network.Proxies;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.TestImages;
import dev.hover.plugin.lease.StageLease;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.LocalRegistry;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deploy end to end against moto: every check goes through the AWS APIs. */
class DeployerMotoTest {
    private static final String REGION = "us-east-1";
    private static final Names NAMES = new Names(SampleStage.NAME);
    /** moto applies a stack within the request; a stack still in progress after this is stuck. */
    private static final Duration STACK_TIMEOUT = Duration.ofSeconds(5);
    private static final String OK_WARM = "{\"warmed\": 1}";

    /** A template moto refuses to apply: it adds a function whose role is not an ARN. */
    private static final TemplateSource BAD_ROLE = (m, image, buildId) -> new SampleStageTemplate().render(m, image, buildId)
            .replace("\"Resources\":{", "\"Resources\":{\"BrokenFunction\":{\"Type\":\"AWS::Lambda::Function\","
                    + "\"Properties\":{\"FunctionName\":\"shop-dev-broken\",\"PackageType\":\"Image\","
                    + "\"Code\":{\"ImageUri\":\"" + image + "\"},\"Role\":\"not-a-role\"}},");

    private static MotoServer moto;
    private static LocalRegistry registry;
    private static String baseImage;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private AwsClients clients;
    private final List<String> output = new ArrayList<>();

    @BeforeAll
    static void startMotoAndRegistry() throws Exception {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        registry = LocalAws.registry();
        baseImage = TestImages.pushBase(shared, registry.hostPort() + "/hover-test/base:1");
    }

    /** The stage's {@code java.repository}: the local registry, while the AWS APIs go to moto. */
    static String repository() {
        return registry.hostPort() + "/" + SampleStage.NAME;
    }

    private BuildDescriptor build(String buildId) {
        return SampleStage.build(dir, buildId, baseImage);
    }

    @BeforeEach
    void freshAccount() {
        moto.reset();
        moto.useSimpleLambdaBackend();
        clients = new AwsClients(REGION, DefaultCredentialsProvider.builder().build(), Proxies.none());
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private DeploySummary deploy(StageManifest manifest, BuildDescriptor build, boolean dryRun, TemplateSource templates) {
        return deploy(manifest, build, dryRun, templates,
                new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)));
    }

    private DeploySummary deploy(StageManifest manifest, BuildDescriptor build, boolean dryRun, TemplateSource templates,
                                 ImagePublisher images) {
        output.clear();
        return deploy(new DeployRequest(manifest, build, dryRun, STACK_TIMEOUT, false), templates, images,
                Clock.systemUTC(), output);
    }

    private DeploySummary deploy(DeployRequest request, TemplateSource templates, ImagePublisher images, Clock clock,
                                 List<String> lines) {
        StageAws aws = StageAws.of(clients, request.manifest());
        // moto applies stacks within the request: poll it quickly
        StageAws quick = new StageAws(aws.region(), aws.identity(), aws.repositories(), aws.bucket(),
                new Stacks(clients.cloudFormation(), Duration.ofMillis(200)), aws.functions());
        Deployer deployer = new Deployer(quick, images, templates, Progress.to(new ConsoleListener(lines::add, line -> { }, false, ZoneOffset.UTC)), clock);
        return deployer.deploy(request, "test credentials");
    }

    private DeploySummary deploy(StageManifest manifest, BuildDescriptor build) {
        return deploy(manifest, build, false, new SampleStageTemplate());
    }

    /** What the new version answers, in order: the warmer, then the one deploy command. */
    private static void answerWarmerAndCommands() {
        moto.queueLambdaResults(REGION, List.of(OK_WARM, "{\"exitCode\": 0, \"output\": \"\"}"));
    }

    /** Deploys build b1 successfully; returns the versions it made live. */
    private Map<String, String> releaseFirstBuild(StageManifest manifest) {
        answerWarmerAndCommands();
        deploy(manifest, build("b1"));
        return liveVersions(manifest);
    }

    private Map<String, String> liveVersions(StageManifest manifest) {
        Map<String, String> live = new LinkedHashMap<>();
        LambdaClient lambda = clients.lambda();
        for (String fn : StageFunctions.of(manifest)) {
            live.put(fn, lambda.getAlias(r -> r.functionName(fn).name(Names.LIVE_ALIAS)).functionVersion());
        }
        return live;
    }

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

    /** One deploy of the race below: its build, what it printed, and how it ended. */
    private record Racer(String buildId, List<String> lines, DeploySummary summary, Throwable failure) {
    }

    @Test
    void twoDeploysStartedTogetherOneProceedsTheOtherFailsFastNamingTheHolder() {
        StageManifest manifest = SampleStage.manifest();
        String caller = clients.sts().getCallerIdentity().arn();
        for (int round = 1; round <= 5; round++) {
            answerWarmerAndCommands();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Racer>> racers = new ArrayList<>();
            for (String side : List.of("a", "b")) {
                String buildId = "r" + round + side;
                BuildDescriptor build = newImage(buildId);
                ImagePublisher images = new JibImagePublisher(dir.resolve("cache-" + side), true, NetworkSettings.none(),
                        new ConsoleBuildLog(new ArrayList<>()));
                racers.add(CompletableFuture.supplyAsync(() -> {
                    List<String> lines = new CopyOnWriteArrayList<>();
                    try {
                        start.await();
                        return new Racer(buildId, lines, deploy(new DeployRequest(manifest, build, false, STACK_TIMEOUT, false),
                                new SampleStageTemplate(), images, Clock.systemUTC(), lines), null);
                    } catch (Exception e) {
                        return new Racer(buildId, lines, null, e);
                    }
                }, Executors.newSingleThreadExecutor()));
            }
            List<Racer> ended = racers.stream().map(CompletableFuture::join).toList();

            List<Racer> released = ended.stream().filter(r -> r.summary() != null && r.summary().released()).toList();
            assertThat(released).as("round %d: exactly one deploy proceeds (%s)", round, ended).hasSize(1);
            Racer winner = released.get(0);
            Racer loser = ended.stream().filter(r -> r != winner).findFirst().orElseThrow();
            assertThat(loser.failure()).as("round %d", round).isInstanceOf(DeployException.class)
                    .hasMessageContaining("The stage dev is being changed right now: the deploy of build " + winner.buildId()
                            + " by " + caller)
                    .hasMessageContaining("s3://" + NAMES.assetsBucket() + "/" + StageLease.KEY)
                    .hasMessageContaining("-Dhover.breakLease");
            // it failed at the lease: it read, pushed, uploaded and changed nothing
            assertThat(loser.lines()).noneMatch(line -> line.contains("==> Current release") || line.contains("==> Image"));
            assertThat(SummaryFormat.text(winner.summary())).first().asString().startsWith("Released");
            // what printed Released. is what live points at, on every function
            liveVersions(manifest).forEach((fn, version) -> assertThat(clients.lambda()
                    .getFunctionConfiguration(r -> r.functionName(fn).qualifier(version)).description())
                    .isEqualTo("hover build " + winner.buildId()));
            assertThat(clients.s3().listObjectsV2(r -> r.bucket(NAMES.assetsBucket()).prefix("hover/")).contents())
                    .as("the lease is released").isEmpty();
        }
    }

    /** A build in a directory of its own: its own class file, so an image no earlier build has. */
    private BuildDescriptor newImage(String buildId) {
        return SampleStage.build(dir.resolve(buildId), buildId, baseImage);
    }

    /** A lease as a deploy killed after taking it leaves it: nobody releases it, and its renewals stop with the process. */
    private StageLease leaseOfAKilledDeploy(StageManifest manifest, List<String> itsWarnings) {
        return StageLease.take(StageAws.of(clients, manifest).bucket(), new StageLease.Claim("dev", "deploy", Optional.of("b2"),
                "arn:aws:iam::123456789012:user/ci", "ci@runner-7", "deploy again"), false, Clock.systemUTC(), itsWarnings::add);
    }

    @Test
    void aKilledDeploysLeaseLapsesAfterItsTimeToLive() {
        StageManifest manifest = SampleStage.manifest();
        releaseFirstBuild(manifest);
        StageLease killed = leaseOfAKilledDeploy(manifest, new ArrayList<>());
        try {
            answerWarmerAndCommands();
            assertThatThrownBy(() -> deploy(manifest, newImage("b3")))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("the deploy of build b2 by arn:aws:iam::123456789012:user/ci (ci@runner-7) since")
                    .hasMessageContaining("its lease lapses by itself at " + killed.record().expires());

            Clock afterItLapsed = Clock.offset(Clock.systemUTC(), StageLease.TTL.plusSeconds(1));
            output.clear();
            DeploySummary summary = deploy(new DeployRequest(manifest, newImage("b3"), false, STACK_TIMEOUT, false),
                    new SampleStageTemplate(), new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)),
                    afterItLapsed, output);

            assertThat(summary.released()).isTrue();
            assertThat(output).anyMatch(line -> line.contains("warning: took over the lapsed lease of the deploy of build b2 by "
                    + "arn:aws:iam::123456789012:user/ci (ci@runner-7)"));
        } finally {
            killed.close();
        }
    }

    @Test
    void aLeaseThatHasNotLapsedIsBrokenOnRequestAndADryRunNamesItsHolder() {
        StageManifest manifest = SampleStage.manifest();
        releaseFirstBuild(manifest);
        List<String> killedWarnings = new ArrayList<>();
        StageLease killed = leaseOfAKilledDeploy(manifest, killedWarnings);

        deploy(manifest, newImage("b3"), true, new SampleStageTemplate());
        assertThat(output).anyMatch(line -> line.contains("done Lease: held by the deploy of build b2 by "
                + "arn:aws:iam::123456789012:user/ci (ci@runner-7)") && line.contains("what this dry run shows may change"));

        answerWarmerAndCommands();
        output.clear();
        DeploySummary summary = deploy(new DeployRequest(manifest, newImage("b3"), false, STACK_TIMEOUT, true),
                new SampleStageTemplate(), new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)),
                Clock.systemUTC(), output);

        assertThat(summary.released()).isTrue();
        assertThat(output).anyMatch(line -> line.contains("warning: broke the lease of the deploy of build b2 by "
                + "arn:aws:iam::123456789012:user/ci (ci@runner-7)") && line.contains("-Dhover.breakLease"));
        // the broken holder, were it still running, would not release (or delete) a lease that is no longer its own
        killed.close();
        assertThat(killedWarnings).singleElement().asString().contains("was not released: it had been taken over");
    }
}
