package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.Auth;
import dev.hover.model.HttpFunction;
import dev.hover.model.StageManifest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

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

/** The stack's functions and their execution role, its outputs, determinism and inputs. */
class TemplateGeneratorTest {
    private final ObjectNode minimal = generate(TestManifests.minimal());
    private final ObjectNode maximal = generate(TestManifests.maximal());

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
            assertThat(json(template.toJson())).isEqualTo(template.tree());
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
