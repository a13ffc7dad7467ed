package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.hover.template.GeneratedTemplates.generate;
import static dev.hover.template.GeneratedTemplates.resource;
import static dev.hover.template.GeneratedTemplates.properties;
import static dev.hover.template.GeneratedTemplates.idsOfType;
import static dev.hover.template.GeneratedTemplates.json;
import static dev.hover.template.GeneratedTemplates.ref;
import static dev.hover.template.GeneratedTemplates.getAtt;
import static dev.hover.template.GeneratedTemplates.assertDeletedWithTheStack;
import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How events reach the stage's functions: the HTTP API, the distribution, the rules and the queues. */
class TemplateEventSourcesTest {
    private final ObjectNode minimal = generate(TestManifests.minimal());
    private final ObjectNode maximal = generate(TestManifests.maximal());

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
}
