package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.hover.model.packaged.RequestTarget;
import dev.hover.runtime.Invocation;
import dev.hover.runtime.net.RequestHead;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTranslatorTest {
    private static final Invocation INVOCATION = new Invocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            1_795_000_030_000L, "arn:aws:lambda:us-east-1:123456789012:function:shop-dev-http:live", null, new byte[0]);

    private final HttpEventParser parser = new HttpEventParser(new JsonFactory());

    private ApiGatewayRequest parse(ApiGatewayEvents event) throws IOException {
        HttpFunctionEvent parsed = parser.parse(event.json().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.kind()).isEqualTo(HttpFunctionEvent.Kind.REQUEST);
        return parsed.request();
    }

    /** What the function's HOVER_ORIGIN_VERIFY holds, as the template sets it: the stack's id. */
    private static final String ORIGIN_VERIFY = "arn:aws:cloudformation:us-east-1:123456789012:stack/shop-dev/0c1d2e3f";

    private String head(ApiGatewayEvents event) throws IOException {
        RequestHead head = new RequestHead();
        RequestTranslator.write(parse(event), INVOCATION, head, new PublicOrigin(ORIGIN_VERIFY));
        return head.toString();
    }

    /**
     * A request through CloudFront as API Gateway hands it over: the viewer's headers except Host
     * (AllViewerExceptHostHeader), CloudFront's own (Via, X-Amz-Cf-Id, CloudFront-*), its
     * X-Forwarded-For with API Gateway's hop appended, API Gateway's X-Forwarded-Port/-Proto, the
     * viewer-request function's copy of the viewer's Host, and the distribution's origin header.
     */
    private static ApiGatewayEvents throughCloudFront(String viewerHost, String originVerify) {
        return ApiGatewayEvents.request("POST", "/login")
                .header("via", "2.0 8f3a2c1b0d9e.cloudfront.net (CloudFront)")
                .header("x-amz-cf-id", "Yc4xkH9q3ZJ1b2RuAJ0n6wK0bJ3Y1pXz9x9v5k1mHn0aQ2bG8nF7eA==")
                .header("cloudfront-forwarded-proto", "https")
                .header("cloudfront-viewer-address", "203.0.113.9:51234")
                .header("cloudfront-is-desktop-viewer", "true")
                .header("x-forwarded-for", "203.0.113.9, 130.176.1.22")
                .header(PublicOrigin.VIEWER_HOST_HEADER, viewerHost)
                .header(PublicOrigin.ORIGIN_VERIFY_HEADER, originVerify);
    }

    @Test
    void writesTheClientsRequestWithProxyAndInvocationHeaders() throws IOException {
        String head = head(ApiGatewayEvents.request("POST", "/orders/42")
                .query("expand=items&expand=customer&q=a%20b")
                .header("accept", "application/json, text/plain")
                .header("content-type", "application/json")
                .cookies("session=abc", "theme=dark")
                .textBody("{\"quantity\":2}"));

        assertThat(head).isEqualTo("POST /orders/42?expand=items&expand=customer&q=a%20b HTTP/1.1\r\n"
                + "Host: abc123.execute-api.us-east-1.amazonaws.com\r\n"
                + "x-forwarded-for: 198.51.100.7\r\n"
                + "accept: application/json, text/plain\r\n"
                + "content-type: application/json\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Host: abc123.execute-api.us-east-1.amazonaws.com\r\n"
                + "X-Forwarded-Port: 443\r\n"
                + "Forwarded: proto=https;host=abc123.execute-api.us-east-1.amazonaws.com\r\n"
                + "Cookie: session=abc; theme=dark\r\n"
                + "Content-Length: 14\r\n"
                + "X-Hover-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n"
                + "X-Hover-Deadline-Ms: 1795000030000\r\n"
                + "\r\n");
    }

    @Test
    void fillsInForwardingHeadersApiGatewayDidNotSend() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/")
                .withoutHeader("x-forwarded-for").withoutHeader("x-forwarded-proto"));

        assertThat(head).contains("X-Forwarded-For: 198.51.100.7\r\n", "X-Forwarded-Proto: https\r\n");
    }

    @Test
    void throughCloudFrontTheApplicationSeesTheViewersHostAndScheme() throws IOException {
        String head = head(throughCloudFront("shop.example.com", ORIGIN_VERIFY));

        assertThat(head).contains("Host: shop.example.com\r\n", "X-Forwarded-Host: shop.example.com\r\n",
                "X-Forwarded-Proto: https\r\n", "X-Forwarded-Port: 443\r\n",
                "Forwarded: proto=https;host=shop.example.com\r\n",
                "x-forwarded-for: 203.0.113.9, 130.176.1.22\r\n", "via: 2.0 8f3a2c1b0d9e.cloudfront.net (CloudFront)\r\n")
                .doesNotContain("execute-api", "x-hover-", ORIGIN_VERIFY);
    }

    @Test
    void aViewerHostWithoutTheDistributionsOriginHeaderIsIgnored() throws IOException {
        String forged = head(throughCloudFront("evil.example", "guessed"));
        String withoutAny = head(ApiGatewayEvents.request("GET", "/").header(PublicOrigin.VIEWER_HOST_HEADER, "evil.example"));
        RequestHead unconfigured = new RequestHead();
        RequestTranslator.write(parse(throughCloudFront("evil.example", "")), INVOCATION, unconfigured, new PublicOrigin(""));

        for (String head : List.of(forged, withoutAny, unconfigured.toString())) {
            assertThat(head).contains("Host: abc123.execute-api.us-east-1.amazonaws.com\r\n",
                    "X-Forwarded-Host: abc123.execute-api.us-east-1.amazonaws.com\r\n").doesNotContain("evil.example");
        }
    }

    @Test
    void theClientsOwnForwardedHostSchemeAndPortAreReplaced() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/")
                .header("x-forwarded-host", "evil.example").header("x-forwarded-proto", "http").header("x-forwarded-port", "8080")
                .header("forwarded", "for=192.0.2.1;host=evil.example;proto=http"));

        assertThat(head).contains("X-Forwarded-Host: abc123.execute-api.us-east-1.amazonaws.com\r\n",
                "X-Forwarded-Proto: https\r\n", "X-Forwarded-Port: 443\r\n",
                "Forwarded: proto=https;host=abc123.execute-api.us-east-1.amazonaws.com\r\n")
                .doesNotContain("evil.example", "8080", "192.0.2.1");
    }

    @Test
    void aPlainHttpViewerOfTheDistributionIsSaidSo() throws IOException {
        String head = head(throughCloudFront("shop.example.com:8443", ORIGIN_VERIFY).header("cloudfront-forwarded-proto", "http"));

        assertThat(head).contains("X-Forwarded-Proto: http\r\n", "X-Forwarded-Port: 8443\r\n",
                "Forwarded: proto=http;host=\"shop.example.com:8443\"\r\n");
    }

    private String absoluteFormHead(ApiGatewayEvents event) throws IOException {
        RequestHead head = new RequestHead();
        RequestTranslator.write(parse(event), INVOCATION, head, PublicOrigin.fromEnvironment(
                Map.of(PublicOrigin.ORIGIN_VERIFY_VARIABLE, ORIGIN_VERIFY, RequestTarget.VARIABLE, "absolute-form")));
        return head.toString();
    }

    @Test
    void inAbsoluteFormTheRequestLineNamesThePublicSchemeAndHost() throws IOException {
        assertThat(absoluteFormHead(throughCloudFront("shop.example.com", ORIGIN_VERIFY).query("next=%2Fcart")))
                .startsWith("POST https://shop.example.com/login?next=%2Fcart HTTP/1.1\r\nHost: shop.example.com\r\n");
        assertThat(absoluteFormHead(throughCloudFront("shop.example.com:8443", ORIGIN_VERIFY).header("cloudfront-forwarded-proto", "http")))
                .startsWith("POST http://shop.example.com:8443/login HTTP/1.1\r\n");
        assertThat(absoluteFormHead(ApiGatewayEvents.request("GET", "/orders")))
                .startsWith("GET https://abc123.execute-api.us-east-1.amazonaws.com/orders HTTP/1.1\r\n");
    }

    @Test
    void aHostThatIsNoUriAuthorityKeepsTheRequestLineInOriginForm() throws IOException {
        for (String host : List.of("shop example.com", "shop.example.com/admin", "user@shop.example.com", ":443")) {
            assertThat(absoluteFormHead(ApiGatewayEvents.request("GET", "/orders").header("host", host)))
                    .startsWith("GET /orders HTTP/1.1\r\n");
        }
    }

    @Test
    void anUnknownRequestTargetFormIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> PublicOrigin.fromEnvironment(Map.of(RequestTarget.VARIABLE, "absolute")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HOVER_REQUEST_TARGET is 'absolute', not one of origin-form, absolute-form");
    }

    @Test
    void dropsHopByHopHeadersAndHeadersOnlyTheRuntimeMaySet() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/")
                .header("connection", "keep-alive, upgrade")
                .header("transfer-encoding", "chunked")
                .header("content-length", "999")
                .header("x-hover-request-id", "forged")
                .header("X-Hover-Deadline-Ms", "0"));

        assertThat(head).doesNotContainIgnoringCase("connection:").doesNotContain("chunked", "999", "forged")
                .doesNotContain("Deadline-Ms: 0\r\n");
        assertThat(head).doesNotContain("Content-Length");
    }

    @Test
    void decodesBase64BodiesToTheirBytes() throws IOException {
        byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0x80};
        ApiGatewayRequest request = parse(ApiGatewayEvents.request("PUT", "/upload").binaryBody(bytes));

        assertThat(request.body()).containsExactly(bytes);
    }

    @Test
    void sendsAnEmptyBodyWithAContentLengthForMethodsThatExpectOne() throws IOException {
        assertThat(head(ApiGatewayEvents.request("POST", "/empty"))).contains("Content-Length: 0\r\n");
        assertThat(head(ApiGatewayEvents.request("DELETE", "/items/1"))).doesNotContain("Content-Length");
    }

    @Test
    void percentEncodesWhatMayNotAppearInARequestTarget() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/files/my report ü.pdf").query("q=\"x\"|y"));

        assertThat(head).startsWith("GET /files/my%20report%20%C3%BC.pdf?q=%22x%22%7Cy HTTP/1.1\r\n");
    }

    @Test
    void keepsUtf8HeaderValuesAndLeavesOutALineBreakingOne() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/").header("x-name", "Zoë")
                .header("x-other", "Zoë\r\nX-Injected: 1"));

        assertThat(head).contains("x-name: Zoë\r\n").doesNotContain("x-other", "X-Injected");
    }

    @Test
    void recognisesTheWarmersEvents() throws IOException {
        HttpFunctionEvent warmer = parser.parse("{\"warmer\": true, \"concurrency\": 5}".getBytes(StandardCharsets.UTF_8));
        HttpFunctionEvent ping = parser.parse("{\"warmerPing\": true}".getBytes(StandardCharsets.UTF_8));

        assertThat(warmer.kind()).isEqualTo(HttpFunctionEvent.Kind.WARMER);
        assertThat(warmer.warmerConcurrency()).isEqualTo(5);
        assertThat(ping.kind()).isEqualTo(HttpFunctionEvent.Kind.WARMER_PING);
    }

    @Test
    void refusesEventsThatAreNotHttpApiEvents() {
        assertThatThrownBy(() -> parser.parse("{\"Records\": []}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an API Gateway HTTP API event (payload format 2.0)");
        assertThatThrownBy(() -> parser.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The event is not a JSON object");
    }

    @Test
    void headersThatAreNotValidHttpAreLeftOutAndNoSecondHostGetsThrough() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/")
                .header("host:evil.example", "x")
                .header("x with space", "y")
                .header("x-cr", "a\rb")
                .header("x-lf", "a\r\nInjected: yes")
                .header("x-nul", "a\u0000b")
                .header("x-ok", "kept\tand tabbed")
                .cookies("good=1", "bad=\u00002"));

        assertThat(head).contains("Host: abc123.execute-api.us-east-1.amazonaws.com\r\n", "x-ok: kept\tand tabbed\r\n",
                "Cookie: good=1\r\n").doesNotContain("evil", "x with", "x-cr", "x-lf", "Injected", "x-nul", "bad");
        assertThat(head.split("\r\n")).filteredOn(line -> line.regionMatches(true, 0, "host", 0, 4)).hasSize(1);
    }

    @Test
    void aHostHeaderWithAControlCharacterGivesWayToTheDomainName() throws IOException {
        String head = head(ApiGatewayEvents.request("GET", "/").header("host", "shop.example\r\nX-Admin: 1"));

        assertThat(head).contains("Host: abc123.execute-api.us-east-1.amazonaws.com\r\n").doesNotContain("X-Admin", "shop.example");
    }
}
