package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.StageManifest;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer-request CloudFront Function's code, taken from the template's JSON as CloudFormation
 * receives it, run under Node.js on viewer-request events shaped as cloudfront-js-2.0 hands them
 * over (CloudFrontFunctionRunner; its harness says what of CloudFront it does not emulate).
 */
class ViewerHostFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER_HOST = "x-hover-viewer-host";

    private final JsonNode function = functionOf(TestManifests.maximal());

    private static JsonNode functionOf(StageManifest manifest) {
        try {
            String template = new TemplateGenerator().generate(manifest, IMAGE_URI, BUILD_ID).toJson();
            return JSON.readTree(template).path("Resources").path(DistributionResources.VIEWER_HOST_FUNCTION_ID).path("Properties");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A viewer request as CloudFront gives it to a viewer-request function (its event structure, version 1.0). */
    private static ObjectNode viewerRequest() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"version": "1.0",
                 "context": {"distributionDomainName": "d111111abcdef8.cloudfront.net", "distributionId": "EDFDVBD6EXAMPLE",
                             "eventType": "viewer-request", "requestId": "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ=="},
                 "viewer": {"ip": "198.51.100.4"},
                 "request": {"method": "POST", "uri": "/login",
                             "querystring": {"next": {"value": "/cart"}, "tag": {"value": "a", "multiValue": [{"value": "a"}, {"value": "b"}]}},
                             "headers": {"host": {"value": "shop.example.com"}, "accept": {"value": "text/html"},
                                         "x-forwarded-for": {"value": "198.51.100.4"}},
                             "cookies": {"session": {"value": "abc123"}}}}
                """);
    }

    private JsonNode run(ObjectNode event) throws Exception {
        String code = function.path("FunctionCode").asText();
        return JSON.readTree(LocalAws.cloudFrontFunctions().run(code, JSON.writeValueAsString(event)));
    }

    @Test
    void isCloudFrontsJavaScriptRuntimeWithinItsCodeSizeLimit() {
        assertThat(function.path("FunctionConfig").path("Runtime").asText()).isEqualTo("cloudfront-js-2.0");
        // CloudFront Functions: at most 10 KB of code
        assertThat(function.path("FunctionCode").asText().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(10 * 1024);
    }

    @Test
    void copiesTheViewersHostAndLeavesTheRestOfTheRequestAsItCame() throws Exception {
        ObjectNode event = viewerRequest();

        JsonNode request = run(event);

        ObjectNode expected = event.path("request").deepCopy();
        ((ObjectNode) expected.path("headers")).putObject(VIEWER_HOST).put("value", "shop.example.com");
        assertThat(request).isEqualTo(expected);
    }

    @Test
    void aViewerHostHeaderTheViewerSentItselfIsReplacedByItsHost() throws Exception {
        ObjectNode event = viewerRequest();
        ((ObjectNode) event.path("request").path("headers")).set(VIEWER_HOST, JSON.readTree(
                "{\"value\": \"evil.example\", \"multiValue\": [{\"value\": \"evil.example\"}, {\"value\": \"other.example\"}]}"));

        JsonNode headers = run(event).path("headers");

        assertThat(headers.path(VIEWER_HOST)).isEqualTo(JSON.readTree("{\"value\": \"shop.example.com\"}"));
        assertThat(headers.toString()).doesNotContain("evil.example", "other.example");
    }

    @Test
    void aRequestWithoutHostGetsAnEmptyViewerHostWhichTheRuntimeTakesForNone() throws Exception {
        ObjectNode event = viewerRequest();
        ((ObjectNode) event.path("request").path("headers")).remove("host");

        JsonNode headers = run(event).path("headers");

        assertThat(headers.path(VIEWER_HOST)).isEqualTo(JSON.readTree("{\"value\": \"\"}"));
        assertThat(headers.has("host")).isFalse();
    }
}
