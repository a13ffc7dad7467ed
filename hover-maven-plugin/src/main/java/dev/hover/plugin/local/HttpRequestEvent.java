package dev.hover.plugin.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as API Gateway's HTTP API hands it to the http function: payload format 2.0, the
 * {@code $default} route. Header names lower-cased and repeated headers joined with commas; the
 * {@code Cookie} header split into {@code cookies}; the query both raw and as decoded parameters
 * (repeated ones joined with commas); a body that is not UTF-8 text base64-encoded.
 *
 * <p>The local gateway stands in for CloudFront too, so the request also carries what the stage's
 * distribution adds ({@code x-hover-viewer-host}, {@code x-hover-origin-verify},
 * {@code cloudfront-forwarded-proto}): the application builds its links from {@code http://127.0.0.1:<port>},
 * the address the developer typed, as it builds them from the public URL on AWS.
 *
 * @param headers  name and value of each header, as received, in order
 * @param sourceIp the client's address
 */
record HttpRequestEvent(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                        byte[] body, String sourceIp, Instant time, String requestId) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What the distribution and API Gateway tell the function besides the client's own headers. */
    record Forwarding(String originVerify, int port) {
    }

    byte[] toJson(Forwarding forwarding) {
        Map<String, String> joined = new LinkedHashMap<>();
        ArrayNode cookies = JSON.createArrayNode();
        String host = "127.0.0.1:" + forwarding.port();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            } else {
                joined.merge(name, header.getValue(), (first, next) -> first + "," + next);
            }
            if (name.equals("host")) {
                host = header.getValue();
            }
        }
        joined.put("x-forwarded-for", sourceIp);
        joined.put("x-forwarded-port", Integer.toString(forwarding.port()));
        joined.put("x-forwarded-proto", "http");
        joined.put("cloudfront-forwarded-proto", "http");
        joined.put("x-hover-viewer-host", host);
        joined.put("x-hover-origin-verify", forwarding.originVerify());

        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "$default")
                .put("rawPath", rawPath).put("rawQueryString", rawQuery);
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        ObjectNode headerNode = event.putObject("headers");
        joined.forEach(headerNode::put);
        if (!rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            queryParameters().forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext").put("accountId", "000000000000").put("apiId", "local")
                .put("domainName", host).put("domainPrefix", host.split("[.:]")[0]);
        context.putObject("http").put("method", method).put("path", decodedPath()).put("protocol", "HTTP/1.1")
                .put("sourceIp", sourceIp).put("userAgent", joined.getOrDefault("user-agent", ""));
        context.put("requestId", requestId).put("routeKey", "$default").put("stage", "$default")
                .put("time", TIME.format(time)).put("timeEpoch", time.toEpochMilli());
        if (body.length > 0) {
            String text = utf8(body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of strings cannot fail to encode", e);
        }
    }

    private Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    private String decodedPath() {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    /** The body as text when it is well-formed UTF-8, else null (it then travels base64-encoded). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
