package dev.hover.plugin.deploy;

import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.network.Proxies;
import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.plugin.aws.AwsClients;
import dev.hover.plugin.aws.Stacks;
import dev.hover.plugin.events.ConsoleListener;
import dev.hover.plugin.events.Progress;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.TestImages;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.LocalRegistry;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** The deploy against moto and the local registry: a fresh account per test, every check through the AWS APIs. */
abstract class MotoDeployTest {
    static final String REGION = "us-east-1";
    static final Names NAMES = new Names(SampleStage.NAME);
    /** moto applies a stack within the request; a stack still in progress after this is stuck. */
    static final Duration STACK_TIMEOUT = Duration.ofSeconds(5);
    static final String OK_WARM = "{\"warmed\": 1}";

    /** A template moto refuses to apply: it adds a function whose role is not an ARN. */
    static final TemplateSource BAD_ROLE = (m, image, buildId) -> new SampleStageTemplate().render(m, image, buildId)
            .replace("\"Resources\":{", "\"Resources\":{\"BrokenFunction\":{\"Type\":\"AWS::Lambda::Function\","
                    + "\"Properties\":{\"FunctionName\":\"shop-dev-broken\",\"PackageType\":\"Image\","
                    + "\"Code\":{\"ImageUri\":\"" + image + "\"},\"Role\":\"not-a-role\"}},");

    static MotoServer moto;
    static LocalRegistry registry;
    static String baseImage;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    AwsClients clients;
    final List<String> output = new ArrayList<>();

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

    BuildDescriptor build(String buildId) {
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

    DeploySummary deploy(StageManifest manifest, BuildDescriptor build, boolean dryRun, TemplateSource templates) {
        return deploy(manifest, build, dryRun, templates,
                new JibImagePublisher(dir.resolve("layers-cache"), true, NetworkSettings.none(), new ConsoleBuildLog(output)));
    }

    DeploySummary deploy(StageManifest manifest, BuildDescriptor build, boolean dryRun, TemplateSource templates,
                                 ImagePublisher images) {
        output.clear();
        return deploy(new DeployRequest(manifest, build, dryRun, STACK_TIMEOUT, false), templates, images,
                Clock.systemUTC(), output);
    }

    DeploySummary deploy(DeployRequest request, TemplateSource templates, ImagePublisher images, Clock clock,
                                 List<String> lines) {
        StageAws aws = StageAws.of(clients, request.manifest());
        // moto applies stacks within the request: poll it quickly
        StageAws quick = new StageAws(aws.region(), aws.identity(), aws.repositories(), aws.bucket(),
                new Stacks(clients.cloudFormation(), Duration.ofMillis(200)), aws.functions());
        Deployer deployer = new Deployer(quick, images, templates, Progress.to(new ConsoleListener(lines::add, line -> { }, false, ZoneOffset.UTC)), clock);
        return deployer.deploy(request, "test credentials");
    }

    DeploySummary deploy(StageManifest manifest, BuildDescriptor build) {
        return deploy(manifest, build, false, new SampleStageTemplate());
    }

    /** What the new version answers, in order: the warmer, then the one deploy command. */
    static void answerWarmerAndCommands() {
        moto.queueLambdaResults(REGION, List.of(OK_WARM, "{\"exitCode\": 0, \"output\": \"\"}"));
    }

    /** Deploys build b1 successfully; returns the versions it made live. */
    Map<String, String> releaseFirstBuild(StageManifest manifest) {
        answerWarmerAndCommands();
        deploy(manifest, build("b1"));
        return liveVersions(manifest);
    }

    Map<String, String> liveVersions(StageManifest manifest) {
        Map<String, String> live = new LinkedHashMap<>();
        LambdaClient lambda = clients.lambda();
        for (String fn : StageFunctions.of(manifest)) {
            live.put(fn, lambda.getAlias(r -> r.functionName(fn).name(Names.LIVE_ALIAS)).functionVersion());
        }
        return live;
    }
}
