package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResponseTranslator translator = new ResponseTranslator(new JsonFactory());

    private JsonNode translate(int status, byte[] body, Header... headers) throws IOException {
        return JSON.readTree(translator.translate(new HttpResponse(status, List.of(headers), body, true)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setCookieHeadersBecomeCookiesAndRepeatedHeadersAreJoined() throws IOException {
        JsonNode response = translate(201, utf8("{\"id\":42}"),
                new Header("Content-Type", "application/json"),
                new Header("Set-Cookie", "session=abc; Path=/; HttpOnly"),
                new Header("Vary", "Accept"),
                new Header("set-cookie", "theme=dark"),
                new Header("vary", "Origin"),
                new Header("Transfer-Encoding", "chunked"),
                new Header("Connection", "keep-alive"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(response.get("headers").properties()).hasSize(2);
        assertThat(response.at("/headers/Vary").asText()).isEqualTo("Accept, Origin");
        assertThat(response.at("/cookies/0").asText()).isEqualTo("session=abc; Path=/; HttpOnly");
        assertThat(response.at("/cookies/1").asText()).isEqualTo("theme=dark");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.get("body").asText()).isEqualTo("{\"id\":42}");
    }

    @Test
    void binaryBodiesAreBase64() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        JsonNode response = translate(200, png, new Header("Content-Type", "image/png"));

        assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(response.get("body").asText())).containsExactly(png);
    }

    @Test
    void textInUtf8StaysTextWithItsCharacters() throws IOException {
        JsonNode response = translate(200, utf8("<p>Grüße \"quoted\" \u2603</p>"),
                new Header("Content-Type", "text/html; charset=UTF-8"));

        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.get("body").asText()).isEqualTo("<p>Grüße \"quoted\" \u2603</p>");
    }

    @Test
    void compressedOrNonUtf8TextIsBase64SoNoByteIsLost() throws IOException {
        assertThat(translate(200, utf8("x"), new Header("Content-Type", "text/css"),
                new Header("Content-Encoding", "gzip")).get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(translate(200, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                new Header("Content-Type", "text/plain; charset=ISO-8859-1")).get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(translate(200, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                new Header("Content-Type", "text/plain")).get("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void decidesTextByMediaType() {
        assertThat(ResponseTranslator.isText("application/json", null)).isTrue();
        assertThat(ResponseTranslator.isText("application/problem+json", null)).isTrue();
        assertThat(ResponseTranslator.isText("application/atom+xml; charset=utf-8", null)).isTrue();
        assertThat(ResponseTranslator.isText("application/javascript", "identity")).isTrue();
        assertThat(ResponseTranslator.isText("application/x-www-form-urlencoded", null)).isTrue();
        assertThat(ResponseTranslator.isText("image/svg+xml", null)).isTrue();
        assertThat(ResponseTranslator.isText("application/pdf", null)).isFalse();
        assertThat(ResponseTranslator.isText("application/octet-stream", null)).isFalse();
        assertThat(ResponseTranslator.isText(null, null)).isFalse();
    }

    @Test
    void recognisesWellFormedUtf8Only() {
        assertThat(ResponseTranslator.isUtf8(utf8("plain ascii, Grüße, \u2603, \uD83D\uDE00"))).isTrue();
        assertThat(ResponseTranslator.isUtf8(new byte[]{(byte) 0xc3})).isFalse();
        assertThat(ResponseTranslator.isUtf8(new byte[]{(byte) 0xc0, (byte) 0x80})).isFalse();
        assertThat(ResponseTranslator.isUtf8(new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isFalse();
        assertThat(ResponseTranslator.isUtf8(new byte[]{(byte) 0xff})).isFalse();
    }

    @Test
    void anEmptyBodyIsAnEmptyString() throws IOException {
        JsonNode response = translate(204, new byte[0]);

        assertThat(response.get("body").asText()).isEmpty();
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void errorsThatTheRuntimeAnswersItselfArePlainText() throws IOException {
        JsonNode response = JSON.readTree(translator.error(504, "Gateway Timeout"));

        assertThat(response.get("statusCode").asInt()).isEqualTo(504);
        assertThat(response.at("/headers/Content-Type").asText()).startsWith("text/plain");
        assertThat(response.get("body").asText()).isEqualTo("Gateway Timeout");
    }

    @Test
    void headersThatAreNotValidHttpAreLeftOut() throws IOException {
        JsonNode response = translate(200, utf8("ok"),
                new Header("Content-Type", "text/plain"),
                new Header("X-Bare-Cr", "a\rb"),
                new Header("X-Nul", "a\u0000b"),
                new Header("X Spaced", "c"),
                new Header("Set-Cookie", "evil=1\r\nX-Admin: 1"),
                new Header("Set-Cookie", "good=1"),
                new Header("X-Tabbed", "a\tb"));

        assertThat(response.get("headers").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("Content-Type", "X-Tabbed");
        assertThat(response.get("cookies")).extracting(JsonNode::asText).containsExactly("good=1");
    }
}
