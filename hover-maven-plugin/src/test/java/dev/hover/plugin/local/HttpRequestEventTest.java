package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API Gateway v2 event the gateway makes of a request, field by field. */
class HttpRequestEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpRequestEvent.Forwarding FORWARDING = new HttpRequestEvent.Forwarding("verify-me", 8080);

    private static JsonNode event(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                                  byte[] body) throws Exception {
        return JSON.readTree(new HttpRequestEvent(method, rawPath, rawQuery, headers, body, "127.0.0.1",
                Instant.parse("2026-12-02T06:00:00.123Z"), "request-1").toJson(FORWARDING));
    }

    @Test
    void joinsRepeatedHeadersLowerCasedAndSplitsTheCookieHeader() throws Exception {
        JsonNode event = event("GET", "/caf%C3%A9", "a=1&a=2&b=x%20y&flag", List.of(Map.entry("Host", "127.0.0.1:8080"),
                Map.entry("X-Seen", "a"), Map.entry("x-seen", "b"), Map.entry("Cookie", "session=abc; theme=dark"),
                Map.entry("User-Agent", "curl/8")), new byte[0]);

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("$default");
        assertThat(event.path("rawPath").asText()).isEqualTo("/caf%C3%A9");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x%20y&flag");
        assertThat(event.path("headers").path("x-seen").asText()).isEqualTo("a,b");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("session=abc", "theme=dark");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("b").asText()).isEqualTo("x y");
        assertThat(event.path("queryStringParameters").path("flag").asText()).isEmpty();
        JsonNode http = event.path("requestContext").path("http");
        assertThat(http.path("method").asText()).isEqualTo("GET");
        assertThat(http.path("path").asText()).isEqualTo("/café");
        assertThat(http.path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(http.path("userAgent").asText()).isEqualTo("curl/8");
        assertThat(event.path("requestContext").path("time").asText()).isEqualTo("02/Dec/2026:06:00:00 +0000");
        assertThat(event.path("requestContext").path("timeEpoch").asLong()).isEqualTo(1796191200123L);
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void carriesWhatTheDistributionAddsSoTheApplicationSeesTheGatewaysAddress() throws Exception {
        JsonNode headers = event("GET", "/", "", List.of(Map.entry("Host", "localhost:8080")), new byte[0]).path("headers");

        assertThat(headers.path("x-hover-viewer-host").asText()).isEqualTo("localhost:8080");
        assertThat(headers.path("x-hover-origin-verify").asText()).isEqualTo("verify-me");
        assertThat(headers.path("cloudfront-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.path("x-forwarded-port").asText()).isEqualTo("8080");
    }

    @Test
    void sendsUtf8BodiesAsTextAndOthersBase64Encoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        JsonNode text = event("POST", "/", "", List.of(), "{\"note\":\"café\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode binary = event("POST", "/", "", List.of(), png);

        assertThat(text.path("body").asText()).isEqualTo("{\"note\":\"café\"}");
        assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(Base64.getDecoder().decode(binary.path("body").asText())).isEqualTo(png);
        assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
    }
}
