package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hover.model.StageManifest;

/** The stack's outputs, by their keys: what the deploy prints at the end, readable with DescribeStacks. */
public final class StackOutputs {
    /** The stage, e.g. {@code staging}. */
    public static final String STAGE = "Stage";
    /** The build the stack was last deployed with. */
    public static final String BUILD_ID = "BuildId";
    /** Where the application answers: {@code https://} and the first custom domain, else the CDN domain. */
    public static final String URL = "Url";
    /** The CloudFront distribution's domain, where custom domains' DNS points. */
    public static final String CDN_DOMAIN = "CdnDomain";
    /** The HTTP API's own endpoint, {@code https://<id>.execute-api.<region>.amazonaws.com}. */
    public static final String API_URL = "ApiUrl";

    private StackOutputs() {
    }

    static ObjectNode of(StageManifest manifest, String buildId) {
        ObjectNode outputs = Cfn.object();
        add(outputs, STAGE, "The stage", TextNode.valueOf(manifest.stage()));
        add(outputs, BUILD_ID, "The build this stack was last deployed with", TextNode.valueOf(buildId));
        add(outputs, URL, "Where the application answers", manifest.http().domains().isEmpty()
                ? Cfn.sub("https://${" + DistributionResources.DISTRIBUTION_ID + ".DomainName}")
                : TextNode.valueOf("https://" + manifest.http().domains().get(0)));
        add(outputs, CDN_DOMAIN, "The CloudFront distribution's domain; custom domains point here",
                Cfn.getAtt(DistributionResources.DISTRIBUTION_ID, "DomainName"));
        add(outputs, API_URL, "The HTTP API's own URL, behind CloudFront",
                Cfn.getAtt(HttpApiResources.API_ID, "ApiEndpoint"));
        return outputs;
    }

    private static void add(ObjectNode outputs, String key, String description, JsonNode value) {
        ObjectNode output = outputs.putObject(key).put("Description", description);
        output.set("Value", value);
    }
}
