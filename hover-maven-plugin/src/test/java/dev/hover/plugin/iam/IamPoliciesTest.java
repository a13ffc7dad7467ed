package dev.hover.plugin.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.StageManifest;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.template.TemplateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class IamPoliciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";

    /** A stage with everything the template can make: queues, a schedule, a VPC; no roles of its own. */
    private static final String STAGE = """
            name: shop-dev
            region: eu-west-1
            vpc:
              security-groups: [sg-0a1b2c3d4e5f60718]
              subnets: [subnet-0123456789abcdef0]
            queue:
              default:
                queues: [default, mail]
            schedule:
              - cron: "*/5 * * * *"
                command: orders:expire-carts
            """;

    /** What the stack role must be able to do to make each resource type of the template. */
    private static final Map<String, String> MAKES = Map.ofEntries(
            Map.entry("AWS::IAM::Role", "iam:CreateRole"),
            Map.entry("AWS::Lambda::Function", "lambda:CreateFunction"),
            Map.entry("AWS::Lambda::Alias", "lambda:CreateAlias"),
            Map.entry("AWS::Lambda::Permission", "lambda:AddPermission"),
            Map.entry("AWS::Lambda::EventSourceMapping", "lambda:CreateEventSourceMapping"),
            Map.entry("AWS::Logs::LogGroup", "logs:CreateLogGroup"),
            Map.entry("AWS::SQS::Queue", "sqs:CreateQueue"),
            Map.entry("AWS::ApiGatewayV2::Api", "apigateway:POST"),
            Map.entry("AWS::ApiGatewayV2::Integration", "apigateway:POST"),
            Map.entry("AWS::ApiGatewayV2::Route", "apigateway:POST"),
            Map.entry("AWS::ApiGatewayV2::Stage", "apigateway:POST"),
            Map.entry("AWS::CloudFront::Distribution", "cloudfront:CreateDistribution"),
            Map.entry("AWS::CloudFront::OriginAccessControl", "cloudfront:CreateOriginAccessControl"),
            Map.entry("AWS::CloudFront::Function", "cloudfront:CreateFunction"),
            Map.entry("AWS::S3::BucketPolicy", "s3:PutBucketPolicy"),
            Map.entry("AWS::Events::Rule", "events:PutRule"));

    private final IamPolicies policies = new IamPolicies();

    @ParameterizedTest
    @EnumSource(PolicyDocument.class)
    void theDocsShowTheDocumentsThePluginRenders(PolicyDocument document) throws Exception {
        assertThat(Files.readString(Path.of("..", "docs", "iam", document.file())))
                .isEqualTo(IamPolicies.template(document));
    }

    @Test
    void theDocumentsNameTheStagesResourcesInItsRegionAndAccount() throws Exception {
        Map<PolicyDocument, String> rendered = policies.render(PolicyStage.of(manifest(STAGE), Optional.of(ACCOUNT)));

        assertThat(rendered.values()).allSatisfy(document -> assertThat(document).doesNotContain("${"));
        PolicyEvaluator deployer = new PolicyEvaluator(rendered.get(PolicyDocument.DEPLOYER));
        assertThat(deployer.allowing("s3:PutObject", Optional.of("arn:aws:s3:::shop-dev-assets/hover/lease.json"))).isPresent();
        assertThat(deployer.allowing("s3:PutObject", Optional.of("arn:aws:s3:::shop-prod-assets/hover/lease.json"))).isEmpty();
        assertThat(deployer.allowing("cloudformation:ExecuteChangeSet",
                Optional.of("arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":stack/shop-dev/1234"))).isPresent();
        assertThat(deployer.allowing("cloudformation:ExecuteChangeSet",
                Optional.of("arn:aws:cloudformation:us-east-1:" + ACCOUNT + ":stack/shop-dev/1234"))).isEmpty();
        assertThat(deployer.allowing("lambda:UpdateAlias",
                Optional.of("arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:shop-dev-http"))).isPresent();
        assertThat(deployer.allowing("lambda:UpdateFunctionCode", Optional.empty())).isEmpty();
        assertThat(deployer.allowing("iam:PassRole", Optional.empty())).as("no stack role to pass").isEmpty();
        PolicyEvaluator stackRole = new PolicyEvaluator(rendered.get(PolicyDocument.STACK_ROLE));
        assertThat(stackRole.allowing("iam:PassRole", Optional.of("arn:aws:iam::" + ACCOUNT + ":role/shop-dev-LambdaExecutionRole-AB12")))
                .contains("PassExecutionRole");
        assertThat(stackRole.allowing("ec2:DescribeSubnets", Optional.of("*"))).contains("VpcOfFunctions");
    }

    @Test
    void givenRolesArePassedAndNotMade() throws Exception {
        String stackRole = "arn:aws:iam::" + ACCOUNT + ":role/shop-dev-cloudformation";
        String lambdaRole = "arn:aws:iam::" + ACCOUNT + ":role/shop-dev-lambda";
        Map<PolicyDocument, String> rendered = policies.render(PolicyStage.of(manifest("""
                name: shop-dev
                region: eu-west-1
                auth:
                  stack-role: %s
                  lambda-role: %s
                """.formatted(stackRole, lambdaRole)), Optional.of(ACCOUNT)));

        PolicyEvaluator deployer = new PolicyEvaluator(rendered.get(PolicyDocument.DEPLOYER));
        assertThat(deployer.allowing("iam:PassRole", Optional.of(stackRole))).contains("PassStackRole");
        assertThat(deployer.allowing("iam:PassRole", Optional.of(lambdaRole))).isEmpty();
        PolicyEvaluator stack = new PolicyEvaluator(rendered.get(PolicyDocument.STACK_ROLE));
        assertThat(stack.allowing("iam:PassRole", Optional.of(lambdaRole))).contains("PassExecutionRole");
        assertThat(stack.allowing("iam:CreateRole", Optional.empty())).isEmpty();
        assertThat(stack.allowing("ec2:DescribeSubnets", Optional.empty())).as("no VPC").isEmpty();
    }

    @Test
    void withoutCredentialsTheAccountStaysAPlaceholderAndTheRegionsPartitionIsUsed() throws Exception {
        Map<PolicyDocument, String> rendered = policies.render(PolicyStage.of(manifest("""
                name: shop-cn
                region: cn-north-1
                java:
                  repository: 111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/shared/shop
                """), Optional.empty()));

        assertThat(rendered.get(PolicyDocument.DEPLOYER))
                .contains("arn:aws-cn:s3:::shop-cn-assets")
                .contains("arn:aws-cn:ecr:cn-north-1:${Account}:repository/shared/shop")
                .doesNotContain("${StageName}", "${Region}", "${Partition}");
    }

    @Test
    void theLambdaRoleMayDoWhatTheStacksOwnRoleMayAndNoMore() throws Exception {
        StageManifest manifest = manifest(STAGE);
        JsonNode templateRole = template(manifest)
                .at("/Resources/LambdaExecutionRole/Properties/Policies/0/PolicyDocument");
        JsonNode lambdaRole = JSON.readTree(
                policies.render(PolicyStage.of(manifest, Optional.of(ACCOUNT))).get(PolicyDocument.LAMBDA_ROLE));

        assertThat(actionsBySid(lambdaRole)).isNotEmpty().isEqualTo(actionsBySid(templateRole));
    }

    private static Map<String, Set<String>> actionsBySid(JsonNode policy) {
        Map<String, Set<String>> actions = new TreeMap<>();
        policy.path("Statement").forEach(statement -> {
            Set<String> ofStatement = actions.computeIfAbsent(statement.path("Sid").asText(), sid -> new TreeSet<>());
            JsonNode action = statement.path("Action");
            (action.isArray() ? action : List.of(action)).forEach(a -> ofStatement.add(a.asText()));
        });
        return actions;
    }

    @Test
    void theStackRoleMayMakeEveryResourceTypeOfTheTemplate() throws Exception {
        StageManifest manifest = manifest(STAGE);
        PolicyEvaluator stackRole = new PolicyEvaluator(
                policies.render(PolicyStage.of(manifest, Optional.of(ACCOUNT))).get(PolicyDocument.STACK_ROLE));

        List<String> types = new ArrayList<>();
        template(manifest).path("Resources").forEach(resource -> types.add(resource.path("Type").asText()));
        assertThat(types).contains("AWS::Events::Rule", "AWS::SQS::Queue", "AWS::IAM::Role").allSatisfy(type -> {
            assertThat(MAKES).as("what makes " + type + " (add it to stack-role.json and here)").containsKey(type);
            assertThat(stackRole.allowing(MAKES.get(type), Optional.empty())).as(type).isPresent();
        });
    }

    private static JsonNode template(StageManifest manifest) throws Exception {
        String image = ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/shop-dev:b1";
        return JSON.readTree(new TemplateGenerator().generate(manifest, image, "b1").toJson());
    }

    private static StageManifest manifest(String yaml) {
        return new ManifestReader().read(yaml, ".hover/dev.yml", "dev");
    }
}
