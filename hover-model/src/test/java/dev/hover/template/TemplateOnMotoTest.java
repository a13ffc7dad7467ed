package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.QueueFunction;
import dev.hover.model.StageManifest;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static dev.hover.template.TestManifests.BUILD_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The maximal stage's stack, created and then updated on moto, checked through the AWS APIs. moto does
 * not implement every resource type of the template: {@link MotoTemplate} says what it leaves out, and
 * docs/testing.md names each gap.
 */
class TemplateOnMotoTest {
    private static final String STACK = "shop-staging";
    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-staging:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WaiterOverrideConfiguration PROMPTLY = WaiterOverrideConfiguration.builder()
            .maxAttempts(20).backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(500))).build();

    private CloudFormationClient cloudFormation;
    private LambdaClient lambda;
    private SqsClient sqs;
    private EventBridgeClient events;
    private CloudWatchLogsClient logs;

    @BeforeEach
    void connect() {
        MotoServer moto = LocalAws.moto();
        moto.reset();
        moto.applyToSystemProperties();
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
        cloudFormation = CloudFormationClient.builder().httpClientBuilder(http).build();
        lambda = LambdaClient.builder().httpClientBuilder(http).build();
        sqs = SqsClient.builder().httpClientBuilder(http).build();
        events = EventBridgeClient.builder().httpClientBuilder(http).build();
        logs = CloudWatchLogsClient.builder().httpClientBuilder(http).build();
    }

    @AfterEach
    void close() {
        List.<SdkAutoCloseable>of(cloudFormation, lambda, sqs, events, logs).forEach(SdkAutoCloseable::close);
    }

    @Test
    void theMaximalStageIsCreatedThenUpdated() throws Exception {
        MotoTemplate created = motoTemplate(TestManifests.maximal(), "build-42");
        cloudFormation.createStack(request -> request.stackName(STACK).templateBody(created.template().toString())
                .capabilities(Capability.CAPABILITY_IAM));
        cloudFormation.waiter().waitUntilStackCreateComplete(describe(), PROMPTLY);
        assertThat(stack().stackStatus()).isEqualTo(StackStatus.CREATE_COMPLETE);

        assertFunction("shop-staging-http", 3008, 28, 50);
        assertFunction("shop-staging-cli", 1024, 900, 5);
        assertFunction("shop-staging-mailer-queue", 512, 60, 4);
        assertFunction("shop-staging-reports-queue", 2048, 300, 0);
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("shop-staging-mailer-queue")).environment()
                .variables()).containsExactlyInAnyOrderEntriesOf(Map.of("HOVER_FUNCTION_TYPE", "queue",
                "HOVER_QUEUE_FUNCTION", "mailer", "HOVER_STAGE", "staging"));
        assertThat(visibilityTimeout("emails-shop-staging")).isEqualTo(360);
        assertThat(visibilityTimeout("newsletters-shop-staging")).isEqualTo(360);
        assertThat(visibilityTimeout("reports-shop-staging")).isEqualTo(1800);
        assertThat(eventSources("shop-staging-mailer-queue")).containsOnlyKeys("emails-shop-staging",
                "newsletters-shop-staging");
        assertThat(eventSources("shop-staging-reports-queue")).containsOnlyKeys("reports-shop-staging");
        assertRules();
        assertThat(logRetention()).containsOnlyKeys("/aws/lambda/shop-staging-http", "/aws/lambda/shop-staging-cli",
                "/aws/lambda/shop-staging-mailer-queue", "/aws/lambda/shop-staging-reports-queue")
                .allSatisfy((group, days) -> assertThat(days).isEqualTo(30));
        assertThat(outputs()).containsExactlyInAnyOrderEntriesOf(Map.of("Stage", "staging", "BuildId", "build-42",
                "Url", "https://shop.example.com"));

        // the next deploy: more memory for http, the mailer's newsletters queue replaced by an sms queue
        Map<String, QueueFunction> queues = new LinkedHashMap<>(TestManifests.maximal().queues());
        queues.put("mailer", TestManifests.mailer(List.of("emails", "sms")));
        MotoTemplate updated = motoTemplate(TestManifests.maximal(2048, queues), "build-43");
        cloudFormation.updateStack(request -> request.stackName(STACK).templateBody(updated.template().toString())
                .capabilities(Capability.CAPABILITY_IAM));
        cloudFormation.waiter().waitUntilStackUpdateComplete(describe(), PROMPTLY);
        assertThat(stack().stackStatus()).isEqualTo(StackStatus.UPDATE_COMPLETE);

        assertFunction("shop-staging-http", 2048, 28, 50);
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("shop-staging-http")).codeSha256())
                .isNotNull();
        assertThat(visibilityTimeout("sms-shop-staging")).isEqualTo(360);
        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("newsletters-shop-staging")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThat(eventSources("shop-staging-mailer-queue")).containsOnlyKeys("emails-shop-staging",
                "sms-shop-staging");
        assertThat(eventSources("shop-staging-reports-queue")).containsOnlyKeys("reports-shop-staging");
        assertRules();
        assertThat(outputs()).containsEntry("BuildId", "build-43");
    }

    private static MotoTemplate motoTemplate(StageManifest manifest, String buildId) {
        MotoTemplate template = MotoTemplate.of(new TemplateGenerator().generate(manifest, IMAGE + buildId, buildId)
                .tree());
        assertThat(template.dropped()).as("what moto cannot create (docs/testing.md)").containsExactlyInAnyOrder(
                "HttpLiveAlias", "CliLiveAlias", "MailerQueueLiveAlias", "ReportsQueueLiveAlias",
                "HttpApi", "HttpApiIntegration", "HttpApiDefaultRoute", "HttpApiDefaultStage",
                "HttpApiInvokePermission", "AssetsOriginAccessControl", "Distribution", "AssetsBucketPolicy",
                "Outputs.CdnDomain", "Outputs.ApiUrl");
        return template;
    }

    private static DescribeStacksRequest describe() {
        return DescribeStacksRequest.builder().stackName(STACK).build();
    }

    private Stack stack() {
        return cloudFormation.describeStacks(describe()).stacks().get(0);
    }

    private Map<String, String> outputs() {
        return stack().outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    }

    private void assertFunction(String name, int memory, int timeout, int reservedConcurrency) {
        GetFunctionConfigurationResponse function = lambda.getFunctionConfiguration(request -> request.functionName(name));
        assertThat(function.memorySize()).as("%s memory", name).isEqualTo(memory);
        assertThat(function.timeout()).as("%s timeout", name).isEqualTo(timeout);
        Integer reserved = lambda.getFunctionConcurrency(request -> request.functionName(name))
                .reservedConcurrentExecutions();
        if (reservedConcurrency == 0) {
            assertThat(reserved).as("%s reserved concurrency", name).isNull();
        } else {
            assertThat(reserved).as("%s reserved concurrency", name).isEqualTo(reservedConcurrency);
        }
        assertThat(function.role()).as("%s role", name).contains(":role/" + STACK + "-LambdaExecutionRole-");
        assertThat(function.vpcConfig().subnetIds()).as("%s subnets", name)
                .containsExactly("subnet-0123456789abcdef0", "subnet-0fedcba9876543210");
        assertThat(function.vpcConfig().securityGroupIds()).as("%s security groups", name)
                .containsExactly("sg-0123456789abcdef0");
    }

    private int visibilityTimeout(String queue) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        return Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                .get(QueueAttributeName.VISIBILITY_TIMEOUT));
    }

    /** The function's event source mappings by queue name, each checked for batch size and item failures. */
    private Map<String, EventSourceMappingConfiguration> eventSources(String function) {
        // by ARN: moto's filter does not match a plain function name
        String arn = lambda.getFunctionConfiguration(request -> request.functionName(function)).functionArn();
        List<EventSourceMappingConfiguration> mappings =
                lambda.listEventSourceMappings(request -> request.functionName(arn)).eventSourceMappings();
        assertThat(mappings).allSatisfy(mapping -> {
            assertThat(mapping.batchSize()).isEqualTo(10);
            assertThat(mapping.functionResponseTypes()).containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            assertThat(mapping.functionArn()).endsWith(":function:" + function);
        });
        return mappings.stream().collect(Collectors.toMap(
                mapping -> mapping.eventSourceArn().substring(mapping.eventSourceArn().lastIndexOf(':') + 1),
                mapping -> mapping));
    }

    private void assertRules() throws Exception {
        Map<String, Rule> rules = events.listRules(request -> request.namePrefix(STACK)).rules().stream()
                .collect(Collectors.toMap(rule -> rule.name().contains("Scheduler") ? "scheduler" : "warmer",
                        rule -> rule));
        assertThat(rules).containsOnlyKeys("scheduler", "warmer");
        assertThat(rules.get("scheduler").scheduleExpression()).isEqualTo("rate(1 minute)");
        assertThat(rules.get("warmer").scheduleExpression()).isEqualTo("rate(5 minutes)");
        Target scheduler = onlyTarget(rules.get("scheduler"), "shop-staging-cli");
        assertThat(scheduler.inputTransformer().inputPathsMap()).containsExactly(Map.entry("time", "$.time"));
        assertThat(scheduler.inputTransformer().inputTemplate()).isEqualTo("{\"command\":\"schedule:run --at <time>\"}");
        Target warmer = onlyTarget(rules.get("warmer"), "shop-staging-http");
        assertThat(JSON.readTree(warmer.input())).isEqualTo(JSON.readTree("{\"warmer\":true,\"concurrency\":3}"));
    }

    private Target onlyTarget(Rule rule, String function) {
        List<Target> targets = events.listTargetsByRule(request -> request.rule(rule.name())).targets();
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).arn()).endsWith(":function:" + function);
        return targets.get(0);
    }

    private Map<String, Integer> logRetention() {
        return logs.describeLogGroups(request -> request.logGroupNamePrefix("/aws/lambda/" + STACK)).logGroups()
                .stream().collect(Collectors.toMap(LogGroup::logGroupName, LogGroup::retentionInDays));
    }
}
