package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.Auth;
import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.StreamSupport;

import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode minimal = generate(TestManifests.minimal());
    private final ObjectNode maximal = generate(TestManifests.maximal());

    private static ObjectNode generate(StageManifest manifest) {
        return new TemplateGenerator().generate(manifest, IMAGE_URI, BUILD_ID).tree();
    }

    private static JsonNode resource(ObjectNode template, String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        assertThat(resource.isMissingNode()).as("resource %s", logicalId).isFalse();
        return resource;
    }

    private static JsonNode properties(ObjectNode template, String logicalId) {
        return resource(template, logicalId).path("Properties");
    }

    private static List<String> idsOfType(ObjectNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode ref(String logicalId) throws Exception {
        return json("{\"Ref\":\"" + logicalId + "\"}");
    }

    private static JsonNode getAtt(String logicalId, String attribute) throws Exception {
        return json("{\"Fn::GetAtt\":[\"" + logicalId + "\",\"" + attribute + "\"]}");
    }

    private static void assertDeletedWithTheStack(JsonNode resource) {
        assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(resource.path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
    }

    @Nested
    class Functions {
        @Test
        void oneFunctionPerKindAndQueueFunction_namedByTheNamingRules() {
            assertThat(idsOfType(maximal, "AWS::Lambda::Function"))
                    .containsExactly("HttpFunction", "CliFunction", "MailerQueueFunction", "ReportsQueueFunction");
            assertThat(properties(maximal, "HttpFunction").path("FunctionName").asText()).isEqualTo("shop-staging-http");
            assertThat(properties(maximal, "CliFunction").path("FunctionName").asText()).isEqualTo("shop-staging-cli");
            assertThat(properties(maximal, "MailerQueueFunction").path("FunctionName").asText())
                    .isEqualTo("shop-staging-mailer-queue");
            assertThat(idsOfType(minimal, "AWS::Lambda::Function")).containsExactly("HttpFunction", "CliFunction");
        }

        @Test
        void runTheImageWithTheManifestsArchitectureAndSizes() throws Exception {
            JsonNode mailer = properties(maximal, "MailerQueueFunction");
            assertThat(mailer.path("PackageType").asText()).isEqualTo("Image");
            assertThat(mailer.path("Code")).isEqualTo(json("{\"ImageUri\":\"" + IMAGE_URI + "\"}"));
            assertThat(mailer.path("Architectures")).isEqualTo(json("[\"arm64\"]"));
            assertThat(mailer.path("MemorySize").asInt()).isEqualTo(512);
            assertThat(mailer.path("Timeout").asInt()).isEqualTo(60);
            assertThat(mailer.path("ReservedConcurrentExecutions").asInt()).isEqualTo(4);
            assertThat(properties(maximal, "HttpFunction").path("MemorySize").asInt()).isEqualTo(3008);
            assertThat(properties(maximal, "CliFunction").path("Timeout").asInt()).isEqualTo(900);

            JsonNode http = properties(minimal, "HttpFunction");
            assertThat(http.path("Architectures")).isEqualTo(json("[\"x86_64\"]"));
            assertThat(http.has("ReservedConcurrentExecutions")).isFalse();
        }

        @Test
        void haveSnapStartOnTheirPublishedVersionsWhereTheManifestAsks() throws Exception {
            assertThat(properties(maximal, "HttpFunction").path("SnapStart"))
                    .isEqualTo(json("{\"ApplyOn\":\"PublishedVersions\"}"));
            assertThat(properties(maximal, "ReportsQueueFunction").path("SnapStart"))
                    .isEqualTo(json("{\"ApplyOn\":\"PublishedVersions\"}"));
            assertThat(properties(maximal, "CliFunction").has("SnapStart")).isFalse();
            assertThat(properties(maximal, "MailerQueueFunction").has("SnapStart")).isFalse();
            assertThat(properties(minimal, "HttpFunction").has("SnapStart")).isFalse();
        }

        @Test
        void tellTheRuntimeWhatTheyAre_andNothingElse() throws Exception {
            assertThat(properties(maximal, "HttpFunction").path("Environment"))
                    .isEqualTo(json("{\"Variables\":{\"HOVER_FUNCTION_TYPE\":\"http\",\"HOVER_STAGE\":\"staging\","
                            + "\"HOVER_ORIGIN_VERIFY\":{\"Ref\":\"AWS::StackId\"}}}"));
            assertThat(properties(maximal, "CliFunction").path("Environment"))
                    .isEqualTo(json("{\"Variables\":{\"HOVER_FUNCTION_TYPE\":\"cli\",\"HOVER_STAGE\":\"staging\"}}"));
            assertThat(properties(maximal, "ReportsQueueFunction").path("Environment")).isEqualTo(json(
                    "{\"Variables\":{\"HOVER_FUNCTION_TYPE\":\"queue\",\"HOVER_QUEUE_FUNCTION\":\"reports\","
                            + "\"HOVER_STAGE\":\"staging\"}}"));
            // the manifest's environment travels in the image, never in the template
            assertThat(maximal.toString()).doesNotContain("APP_ENV");
        }

        @Test
        void runInTheVpcWhenOneIsGiven() throws Exception {
            assertThat(properties(maximal, "CliFunction").path("VpcConfig")).isEqualTo(json(
                    "{\"SecurityGroupIds\":[\"sg-0123456789abcdef0\"],"
                            + "\"SubnetIds\":[\"subnet-0123456789abcdef0\",\"subnet-0fedcba9876543210\"]}"));
            assertThat(properties(minimal, "CliFunction").has("VpcConfig")).isFalse();
        }

        @Test
        void logToTheirOwnLogGroup_keptThirtyDays() throws Exception {
            for (String prefix : List.of("Http", "Cli", "MailerQueue", "ReportsQueue")) {
                JsonNode function = properties(maximal, prefix + "Function");
                JsonNode logGroup = properties(maximal, prefix + "LogGroup");
                assertThat(logGroup.path("LogGroupName").asText())
                        .isEqualTo("/aws/lambda/" + function.path("FunctionName").asText());
                assertThat(logGroup.path("RetentionInDays").asInt()).isEqualTo(30);
                assertThat(function.path("LoggingConfig").path("LogGroup")).isEqualTo(ref(prefix + "LogGroup"));
                assertDeletedWithTheStack(resource(maximal, prefix + "LogGroup"));
            }
        }

        @Test
        void eachHasALiveAliasCreatedOnLatest() throws Exception {
            assertThat(idsOfType(maximal, "AWS::Lambda::Alias")).containsExactly(
                    "HttpLiveAlias", "CliLiveAlias", "MailerQueueLiveAlias", "ReportsQueueLiveAlias");
            JsonNode alias = properties(maximal, "ReportsQueueLiveAlias");
            assertThat(alias.path("FunctionName")).isEqualTo(ref("ReportsQueueFunction"));
            assertThat(alias.path("Name").asText()).isEqualTo("live");
            assertThat(alias.path("FunctionVersion").asText()).isEqualTo("$LATEST");
        }

        @Test
        void theAliasIsTheSameWhateverTheBuild_soAStackUpdateNeverMovesItBack() {
            ObjectNode nextBuild = new TemplateGenerator().generate(TestManifests.maximal(),
                    IMAGE_URI.replace("build-42", "build-43"), "build-43").tree();
            for (String alias : idsOfType(maximal, "AWS::Lambda::Alias")) {
                assertThat(resource(nextBuild, alias)).isEqualTo(resource(maximal, alias));
            }
            assertThat(properties(nextBuild, "HttpFunction").path("Code").path("ImageUri").asText()).endsWith(":build-43");
        }
    }

    @Nested
    class ExecutionRoleOfTheStage {
        private JsonNode statement(ObjectNode template, String sid) {
            JsonNode statements = properties(template, ExecutionRole.LOGICAL_ID)
                    .path("Policies").path(0).path("PolicyDocument").path("Statement");
            return StreamSupport.stream(statements.spliterator(), false)
                    .filter(s -> s.path("Sid").asText().equals(sid)).findFirst().orElseThrow(
                            () -> new AssertionError("no statement " + sid + " in " + statements));
        }

        @Test
        void isMadeWhenTheManifestNamesNone_andEveryFunctionAssumesIt() throws Exception {
            assertThat(properties(maximal, "LambdaExecutionRole").path("AssumeRolePolicyDocument").path("Statement"))
                    .isEqualTo(json("[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}]"));
            for (String function : idsOfType(maximal, "AWS::Lambda::Function")) {
                assertThat(properties(maximal, function).path("Role")).isEqualTo(getAtt("LambdaExecutionRole", "Arn"));
            }
        }

        @Test
        void writesOnlyToTheStagesLogGroups() throws Exception {
            JsonNode logs = statement(maximal, "WriteLogs");
            assertThat(logs.path("Action")).isEqualTo(json("[\"logs:CreateLogStream\",\"logs:PutLogEvents\"]"));
            assertThat(logs.path("Resource")).containsExactly(getAtt("HttpLogGroup", "Arn"), getAtt("CliLogGroup", "Arn"),
                    getAtt("MailerQueueLogGroup", "Arn"), getAtt("ReportsQueueLogGroup", "Arn"));
        }

        @Test
        void consumesAndDispatchesJobsOnTheStagesQueuesOnly() throws Exception {
            JsonNode[] queues = {getAtt("EmailsJobQueue", "Arn"), getAtt("NewslettersJobQueue", "Arn"),
                    getAtt("ReportsJobQueue", "Arn")};
            JsonNode consume = statement(maximal, "ConsumeJobs");
            assertThat(consume.path("Action")).isEqualTo(json("[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\","
                    + "\"sqs:GetQueueAttributes\"]"));
            assertThat(consume.path("Resource")).containsExactly(queues);
            JsonNode dispatch = statement(maximal, "DispatchJobs");
            assertThat(dispatch.path("Action")).isEqualTo(json("[\"sqs:SendMessage\",\"sqs:GetQueueUrl\"]"));
            assertThat(dispatch.path("Resource")).containsExactly(queues);
            JsonNode record = statement(maximal, "RecordFailedJobs");
            assertThat(record.path("Action")).isEqualTo(json("[\"sqs:SendMessage\",\"sqs:GetQueueUrl\"]"));
            assertThat(record.path("Resource")).containsExactly(getAtt("FailedJobsQueue", "Arn"));
            assertThat(minimal.toString()).doesNotContain("sqs:");
        }

        @Test
        void invokesOnlyItsOwnHttpFunction_forTheWarmerFanOut() throws Exception {
            JsonNode warm = statement(maximal, "WarmHttpFunction");
            assertThat(warm.path("Action")).isEqualTo(json("[\"lambda:InvokeFunction\"]"));
            String arn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-staging-http";
            assertThat(warm.path("Resource")).isEqualTo(json(
                    "[{\"Fn::Sub\":\"" + arn + "\"},{\"Fn::Sub\":\"" + arn + ":*\"}]"));
        }

        @Test
        void decryptsWithTheStagesSecretsKeyFoundByItsAlias() throws Exception {
            JsonNode decrypt = statement(maximal, "DecryptSecrets");
            assertThat(decrypt.path("Action")).isEqualTo(json("[\"kms:Decrypt\"]"));
            assertThat(decrypt.path("Condition")).isEqualTo(json(
                    "{\"ForAnyValue:StringEquals\":{\"kms:ResourceAliases\":\"alias/shop-staging-secrets-key\"}}"));
        }

        @Test
        void managesNetworkInterfacesOnlyInAVpc() {
            assertThat(statement(maximal, "ManageVpcNetworkInterfaces").path("Action").toString())
                    .contains("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface");
            assertThat(minimal.toString()).doesNotContain("ec2:");
        }

        @Test
        void isNotMadeWhenTheManifestGivesALambdaRole() {
            String arn = "arn:aws:iam::123456789012:role/shop-lambda";
            ObjectNode template = generate(withLambdaRole(arn));
            assertThat(idsOfType(template, "AWS::IAM::Role")).isEmpty();
            for (String function : idsOfType(template, "AWS::Lambda::Function")) {
                assertThat(properties(template, function).path("Role").asText()).isEqualTo(arn);
            }
        }

        private StageManifest withLambdaRole(String role) {
            StageManifest m = TestManifests.minimal();
            return new StageManifest(m.stage(), m.name(), m.awsProfile(), m.region(), m.environment(),
                    new Auth(Optional.empty(), Optional.of(role)), m.vpc(), m.deployCommands(), m.java(), m.http(),
                    m.cli(), m.queues(), m.assets(), m.schedule());
        }
    }

    @Nested
    class HttpApi {
        @Test
        void proxiesEveryRequestWithPayloadFormat2ToTheHttpLiveAlias() throws Exception {
            assertThat(properties(minimal, "HttpApi").path("ProtocolType").asText()).isEqualTo("HTTP");
            JsonNode integration = properties(minimal, "HttpApiIntegration");
            assertThat(integration.path("ApiId")).isEqualTo(ref("HttpApi"));
            assertThat(integration.path("IntegrationType").asText()).isEqualTo("AWS_PROXY");
            assertThat(integration.path("IntegrationUri")).isEqualTo(ref("HttpLiveAlias"));
            assertThat(integration.path("PayloadFormatVersion").asText()).isEqualTo("2.0");

            JsonNode route = properties(minimal, "HttpApiDefaultRoute");
            assertThat(route.path("RouteKey").asText()).isEqualTo("$default");
            assertThat(route.path("Target")).isEqualTo(json("{\"Fn::Sub\":\"integrations/${HttpApiIntegration}\"}"));

            JsonNode stage = properties(minimal, "HttpApiDefaultStage");
            assertThat(stage.path("StageName").asText()).isEqualTo("$default");
            assertThat(stage.path("AutoDeploy").asBoolean()).isTrue();
        }

        @Test
        void mayInvokeTheLiveAlias() throws Exception {
            JsonNode permission = properties(minimal, "HttpApiInvokePermission");
            assertThat(permission.path("FunctionName")).isEqualTo(ref("HttpLiveAlias"));
            assertThat(permission.path("Principal").asText()).isEqualTo("apigateway.amazonaws.com");
            assertThat(permission.path("SourceArn")).isEqualTo(json("{\"Fn::Sub\":"
                    + "\"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*\"}"));
        }
    }

    @Nested
    class Distribution {
        private JsonNode config(ObjectNode template) {
            return properties(template, "Distribution").path("DistributionConfig");
        }

        @Test
        void sendsDynamicRequestsToTheApiUncached() throws Exception {
            JsonNode config = config(minimal);
            JsonNode api = config.path("Origins").path(0);
            assertThat(api.path("Id").asText()).isEqualTo("api");
            assertThat(api.path("DomainName"))
                    .isEqualTo(json("{\"Fn::Sub\":\"${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}\"}"));
            assertThat(api.path("CustomOriginConfig").path("OriginProtocolPolicy").asText()).isEqualTo("https-only");
            JsonNode behaviour = config.path("DefaultCacheBehavior");
            assertThat(behaviour.path("TargetOriginId").asText()).isEqualTo("api");
            assertThat(behaviour.path("CachePolicyId").asText()).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
            assertThat(behaviour.path("OriginRequestPolicyId").asText()).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
            assertThat(behaviour.path("AllowedMethods").toString()).contains("POST", "DELETE");
        }

        @Test
        void servesAssetsFromTheBucketThroughOriginAccessControl() throws Exception {
            JsonNode config = config(minimal);
            JsonNode assets = config.path("Origins").path(1);
            assertThat(assets.path("DomainName"))
                    .isEqualTo(json("{\"Fn::Sub\":\"shop-dev-assets.s3.${AWS::Region}.${AWS::URLSuffix}\"}"));
            assertThat(assets.path("OriginAccessControlId")).isEqualTo(getAtt("AssetsOriginAccessControl", "Id"));
            assertThat(config.path("CacheBehaviors")).hasSize(1);
            JsonNode behaviour = config.path("CacheBehaviors").path(0);
            assertThat(behaviour.path("PathPattern").asText()).isEqualTo("/assets/*");
            assertThat(behaviour.path("TargetOriginId").asText()).isEqualTo("assets");
            assertThat(properties(minimal, "AssetsOriginAccessControl").path("OriginAccessControlConfig")
                    .path("OriginAccessControlOriginType").asText()).isEqualTo("s3");

            JsonNode policy = properties(minimal, "AssetsBucketPolicy");
            assertThat(policy.path("Bucket").asText()).isEqualTo("shop-dev-assets");
            JsonNode statement = policy.path("PolicyDocument").path("Statement").path(0);
            assertThat(statement.path("Principal")).isEqualTo(json("{\"Service\":\"cloudfront.amazonaws.com\"}"));
            assertThat(statement.path("Action").asText()).isEqualTo("s3:GetObject");
            assertThat(statement.path("Resource"))
                    .isEqualTo(json("{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::shop-dev-assets/assets/*\"}"));
            assertThat(statement.path("Condition").path("StringEquals").path("AWS:SourceArn")).isEqualTo(json(
                    "{\"Fn::Sub\":\"arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}\"}"));
        }

        @Test
        void answersForTheCustomDomainsWithTheirCertificate() throws Exception {
            JsonNode config = config(maximal);
            assertThat(config.path("Aliases")).isEqualTo(json("[\"shop.example.com\",\"www.shop.example.com\"]"));
            assertThat(config.path("ViewerCertificate")).isEqualTo(json("{\"AcmCertificateArn\":\""
                    + TestManifests.CERTIFICATE + "\",\"SslSupportMethod\":\"sni-only\","
                    + "\"MinimumProtocolVersion\":\"TLSv1.2_2021\"}"));
        }

        @Test
        void handsTheViewersHostToTheHttpFunctionBesideAnOriginHeaderOnlyTheDistributionSends() throws Exception {
            JsonNode function = properties(minimal, "ViewerHostFunction");
            assertThat(function.path("Name").asText()).isEqualTo("shop-dev-host");
            assertThat(function.path("AutoPublish").asBoolean()).isTrue();
            assertThat(function.path("FunctionConfig").path("Runtime").asText()).isEqualTo("cloudfront-js-2.0");
            assertThat(function.path("FunctionCode").asText())
                    .contains("request.headers['x-hover-viewer-host'] = { value: host ? host.value : '' };");
            JsonNode config = config(minimal);
            assertThat(config.path("DefaultCacheBehavior").path("FunctionAssociations")).isEqualTo(json(
                    "[{\"EventType\":\"viewer-request\",\"FunctionARN\":{\"Fn::GetAtt\":[\"ViewerHostFunction\",\"FunctionARN\"]}}]"));
            assertThat(config.path("CacheBehaviors").path(0).has("FunctionAssociations")).isFalse();
            assertThat(config.path("Origins").path(0).path("OriginCustomHeaders")).isEqualTo(json(
                    "[{\"HeaderName\":\"x-hover-origin-verify\",\"HeaderValue\":{\"Ref\":\"AWS::StackId\"}}]"));
            assertThat(properties(minimal, "HttpFunction").path("Environment").path("Variables").path("HOVER_ORIGIN_VERIFY"))
                    .isEqualTo(json("{\"Ref\":\"AWS::StackId\"}"));
            assertThat(properties(minimal, "CliFunction").path("Environment").path("Variables").has("HOVER_ORIGIN_VERIFY")).isFalse();
        }

        @Test
        void withoutDomainsUsesItsOwnCertificate() throws Exception {
            JsonNode config = config(minimal);
            assertThat(config.has("Aliases")).isFalse();
            assertThat(config.path("ViewerCertificate")).isEqualTo(json("{\"CloudFrontDefaultCertificate\":true}"));
        }
    }

    @Nested
    class Rules {
        @Test
        void theSchedulerRunsScheduleRunOnTheCliAliasEveryMinute() throws Exception {
            JsonNode rule = properties(minimal, "SchedulerRule");
            assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
            assertThat(rule.path("State").asText()).isEqualTo("ENABLED");
            JsonNode target = rule.path("Targets").path(0);
            assertThat(target.path("Arn")).isEqualTo(ref("CliLiveAlias"));
            assertThat(target.path("InputTransformer").path("InputPathsMap").path("time").asText()).isEqualTo("$.time");
            assertThat(target.path("InputTransformer").path("InputTemplate").asText())
                    .isEqualTo("{\"command\":\"schedule:run --at <time>\"}");
            assertPermission("SchedulerInvokePermission", "CliLiveAlias", "SchedulerRule");
        }

        @Test
        void theWarmerCallsTheHttpAliasEveryFiveMinutesWithTheWarmCount() throws Exception {
            JsonNode rule = properties(maximal, "WarmerRule");
            assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(5 minutes)");
            JsonNode target = rule.path("Targets").path(0);
            assertThat(target.path("Arn")).isEqualTo(ref("HttpLiveAlias"));
            assertThat(json(target.path("Input").asText())).isEqualTo(json("{\"warmer\":true,\"concurrency\":3}"));
            assertPermission("WarmerInvokePermission", "HttpLiveAlias", "WarmerRule");
        }

        @Test
        void thereIsNoWarmerWhenWarmIsZero() {
            StageManifest m = TestManifests.minimal();
            StageManifest cold = new StageManifest(m.stage(), m.name(), m.awsProfile(), m.region(), m.environment(),
                    m.auth(), m.vpc(), m.deployCommands(), m.java(),
                    new HttpFunction(m.http().memory(), m.http().timeout(), 0, m.http().concurrency(),
                            m.http().domains(), m.http().certificate(), m.http().port(), m.http().readinessPath()),
                    m.cli(), m.queues(), m.assets(), m.schedule());
            ObjectNode template = generate(cold);
            assertThat(idsOfType(template, "AWS::Events::Rule")).containsExactly("SchedulerRule");
            assertThat(template.toString()).doesNotContain("warmer", "Warmer");
        }

        private void assertPermission(String permissionId, String aliasId, String ruleId) throws Exception {
            JsonNode permission = properties(maximal, permissionId);
            assertThat(permission.path("Action").asText()).isEqualTo("lambda:InvokeFunction");
            assertThat(permission.path("FunctionName")).isEqualTo(ref(aliasId));
            assertThat(permission.path("Principal").asText()).isEqualTo("events.amazonaws.com");
            assertThat(permission.path("SourceArn")).isEqualTo(getAtt(ruleId, "Arn"));
        }
    }

    @Nested
    class Queues {
        @Test
        void oneQueuePerNameUnderEachQueueFunction_suffixedWithTheStageName() {
            assertThat(idsOfType(maximal, "AWS::SQS::Queue"))
                    .containsExactly("FailedJobsQueue", "EmailsJobQueue", "NewslettersJobQueue", "ReportsJobQueue");
            assertThat(properties(maximal, "NewslettersJobQueue").path("QueueName").asText())
                    .isEqualTo("newsletters-shop-staging");
            assertThat(idsOfType(minimal, "AWS::SQS::Queue")).isEmpty();
        }

        @Test
        void oneFailedJobsRecordPerStage_keptFourteenDays_whereEveryQueuesRedrivePolicyEnds() throws Exception {
            JsonNode record = properties(maximal, "FailedJobsQueue");
            assertThat(record.path("QueueName").asText()).isEqualTo("shop-staging-failed-jobs");
            assertThat(record.path("MessageRetentionPeriod").asInt()).isEqualTo(1_209_600);
            assertDeletedWithTheStack(resource(maximal, "FailedJobsQueue"));
            for (String queue : List.of("EmailsJobQueue", "NewslettersJobQueue", "ReportsJobQueue")) {
                assertThat(properties(maximal, queue).path("RedrivePolicy")).isEqualTo(json(
                        "{\"deadLetterTargetArn\":{\"Fn::GetAtt\":[\"FailedJobsQueue\",\"Arn\"]},\"maxReceiveCount\":5}"));
            }
        }

        @Test
        void keepMessagesInvisibleForSixFunctionTimeouts() {
            assertThat(properties(maximal, "EmailsJobQueue").path("VisibilityTimeout").asInt()).isEqualTo(6 * 60);
            assertThat(properties(maximal, "ReportsJobQueue").path("VisibilityTimeout").asInt()).isEqualTo(6 * 300);
            assertThat(properties(maximal, "ReportsJobQueue").path("MessageRetentionPeriod").asInt()).isEqualTo(1_209_600);
            assertDeletedWithTheStack(resource(maximal, "ReportsJobQueue"));
        }

        @Test
        void feedTheirFunctionsLiveAliasInBatchesOfTenReportingItemFailures() throws Exception {
            JsonNode mapping = properties(maximal, "NewslettersJobQueueEventSource");
            assertThat(mapping.path("EventSourceArn")).isEqualTo(getAtt("NewslettersJobQueue", "Arn"));
            assertThat(mapping.path("FunctionName")).isEqualTo(ref("MailerQueueLiveAlias"));
            assertThat(mapping.path("BatchSize").asInt()).isEqualTo(10);
            assertThat(mapping.path("FunctionResponseTypes")).isEqualTo(json("[\"ReportBatchItemFailures\"]"));
            assertThat(properties(maximal, "ReportsJobQueueEventSource").path("FunctionName"))
                    .isEqualTo(ref("ReportsQueueLiveAlias"));
        }

        @Test
        void shareAReservedConcurrencyBetweenTheFunctionsQueues() {
            // mailer reserves 4 for its two queues
            assertThat(properties(maximal, "EmailsJobQueueEventSource").path("ScalingConfig").path("MaximumConcurrency")
                    .asInt()).isEqualTo(2);
            assertThat(properties(maximal, "ReportsJobQueueEventSource").has("ScalingConfig")).isFalse();
            assertThat(QueueResources.maximumConcurrency(100, 3)).isEqualTo(33);
            assertThat(QueueResources.maximumConcurrency(1, 1)).isEqualTo(2);
            assertThat(QueueResources.maximumConcurrency(5000, 1)).isEqualTo(1000);
        }

        @Test
        void aRenamedQueueIsANewResource() {
            Map<String, QueueFunction> renamed = new LinkedHashMap<>(TestManifests.maximal().queues());
            renamed.put("reports", new QueueFunction("reports", 2048, 300, OptionalInt.empty(), 3, List.of(0),
                    List.of("exports")));
            ObjectNode template = generate(TestManifests.withQueues(TestManifests.maximal(), renamed));
            assertThat(idsOfType(template, "AWS::SQS::Queue"))
                    .containsExactly("FailedJobsQueue", "EmailsJobQueue", "NewslettersJobQueue", "ExportsJobQueue");
            assertThat(properties(template, "ExportsJobQueue").path("QueueName").asText()).isEqualTo("exports-shop-staging");
        }

        @Test
        void namesThatWouldShareALogicalIdAreRefused() {
            Map<String, QueueFunction> clash = new LinkedHashMap<>();
            clash.put("mailer", new QueueFunction("mailer", 512, 60, OptionalInt.empty(), 3, List.of(0),
                    List.of("mail-out", "mail_out")));
            StageManifest manifest = TestManifests.withQueues(TestManifests.minimal(), clash);
            assertThatThrownBy(() -> new TemplateGenerator().generate(manifest, IMAGE_URI, BUILD_ID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'MailOutJobQueue'");
        }
    }

    @Nested
    class Outputs {
        @Test
        void tellWhatTheDeployPrints() throws Exception {
            JsonNode outputs = maximal.path("Outputs");
            assertThat(outputs.path("Stage").path("Value").asText()).isEqualTo("staging");
            assertThat(outputs.path("BuildId").path("Value").asText()).isEqualTo(BUILD_ID);
            assertThat(outputs.path("Url").path("Value").asText()).isEqualTo("https://shop.example.com");
            assertThat(outputs.path("CdnDomain").path("Value")).isEqualTo(getAtt("Distribution", "DomainName"));
            assertThat(outputs.path("ApiUrl").path("Value")).isEqualTo(getAtt("HttpApi", "ApiEndpoint"));
            assertThat(minimal.path("Outputs").path("Url").path("Value"))
                    .isEqualTo(json("{\"Fn::Sub\":\"https://${Distribution.DomainName}\"}"));
        }
    }

    @Nested
    class Determinism {
        @Test
        void theSameInputsGiveTheSameBytes() {
            String first = new TemplateGenerator().generate(TestManifests.maximal(), IMAGE_URI, BUILD_ID).toJson();
            String second = new TemplateGenerator().generate(TestManifests.maximal(), IMAGE_URI, BUILD_ID).toJson();
            assertThat(second).isEqualTo(first);
            assertThat(first).startsWith("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n").endsWith("}\n")
                    .doesNotContain("\r");
        }

        @Test
        void theTextIsTheTree() throws Exception {
            StackTemplate template = new TemplateGenerator().generate(TestManifests.maximal(), IMAGE_URI, BUILD_ID);
            assertThat(JSON.readTree(template.toJson())).isEqualTo(template.tree());
        }

        @Test
        void sectionsAndResourcesComeInAFixedOrder() {
            List<String> sections = new ArrayList<>();
            maximal.fieldNames().forEachRemaining(sections::add);
            assertThat(sections).containsExactly("AWSTemplateFormatVersion", "Description", "Resources", "Outputs");
            List<String> ids = new ArrayList<>();
            maximal.path("Resources").fieldNames().forEachRemaining(ids::add);
            assertThat(ids).startsWith("LambdaExecutionRole", "HttpLogGroup", "HttpFunction", "HttpLiveAlias")
                    .endsWith("ReportsJobQueue", "ReportsJobQueueEventSource");
        }
    }

    @Nested
    class Inputs {
        @Test
        void aMissingImageOrBuildIsRefused() {
            TemplateGenerator generator = new TemplateGenerator();
            assertThatThrownBy(() -> generator.generate(TestManifests.minimal(), " ", BUILD_ID))
                    .hasMessage("the image URI is empty");
            assertThatThrownBy(() -> generator.generate(TestManifests.minimal(), IMAGE_URI, ""))
                    .hasMessage("the build id is empty");
        }
    }
}
