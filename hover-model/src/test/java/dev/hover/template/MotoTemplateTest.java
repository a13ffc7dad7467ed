package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;
import static org.assertj.core.api.Assertions.assertThat;

class MotoTemplateTest {
    private final ObjectNode maximal =
            new TemplateGenerator().generate(TestManifests.maximal(), IMAGE_URI, BUILD_ID).tree();

    @Test
    void dropsWhatMotoDoesNotImplement_andWhatRefersToIt() {
        MotoTemplate moto = MotoTemplate.of(maximal);
        assertThat(moto.dropped()).containsExactlyInAnyOrder(
                "HttpLiveAlias", "CliLiveAlias", "MailerQueueLiveAlias", "ReportsQueueLiveAlias",
                "HttpApi", "HttpApiIntegration", "HttpApiDefaultRoute", "HttpApiDefaultStage", "HttpApiInvokePermission",
                "AssetsOriginAccessControl", "Distribution", "AssetsBucketPolicy",
                "Outputs.CdnDomain", "Outputs.ApiUrl");
        assertThat(moto.template().path("Resources").has("EmailsJobQueueEventSource")).isTrue();
        assertThat(moto.template().path("Outputs").has("Url")).isTrue();
    }

    @Test
    void pointsWhatCalledAnAliasAtItsFunction() {
        ObjectNode template = MotoTemplate.of(maximal).template();
        assertThat(template.at("/Resources/EmailsJobQueueEventSource/Properties/FunctionName"))
                .isEqualTo(Cfn.getAtt("MailerQueueFunction", "Arn"));
        assertThat(template.at("/Resources/SchedulerRule/Properties/Targets/0/Arn"))
                .isEqualTo(Cfn.getAtt("CliFunction", "Arn"));
        assertThat(template.toString()).doesNotContain("LiveAlias");
    }

    @Test
    void leavesTheGeneratedTemplateAlone() {
        ObjectNode before = maximal.deepCopy();
        MotoTemplate.of(maximal);
        assertThat(maximal).isEqualTo(before);
    }
}
