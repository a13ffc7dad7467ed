package dev.hover.plugin.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.InvokeResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP response API Gateway's HTTP API makes of the http function's answer (payload format 2.0):
 * {@code statusCode}, {@code headers}, each of {@code cookies} as a {@code Set-Cookie}, the body
 * (base64-decoded when {@code isBase64Encoded}). An answer without {@code statusCode} is taken as the
 * body of a 200 JSON response, as API Gateway does; a failed invocation or an answer that is not JSON
 * is API Gateway's {@code 500 {"message":"Internal Server Error"}}.
 *
 * @param headers name and value of each response header, in order ({@code Set-Cookie} repeated)
 */
record HttpAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpAnswer of(InvokeResult result) {
        if (result.functionError().isPresent()) {
            return gatewayError(500, "Internal Server Error");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(result.payload());
        } catch (IOException e) {
            return gatewayError(500, "Internal Server Error");
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            return new HttpAnswer(200, List.of(Map.entry("Content-Type", "application/json")),
                    result.payload().getBytes(StandardCharsets.UTF_8));
        }
        if (!answer.get("statusCode").canConvertToInt()) {
            return gatewayError(500, "Internal Server Error");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        answer.path("headers").fields().forEachRemaining(header -> headers.add(Map.entry(header.getKey(), header.getValue().asText())));
        answer.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getMimeDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer(answer.get("statusCode").intValue(), headers, bytes);
    }

    /** An answer of API Gateway's own, e.g. 413 {@code Request Entity Too Large}. */
    static HttpAnswer gatewayError(int status, String message) {
        return new HttpAnswer(status, List.of(Map.entry("Content-Type", "application/json")),
                JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8));
    }
}
