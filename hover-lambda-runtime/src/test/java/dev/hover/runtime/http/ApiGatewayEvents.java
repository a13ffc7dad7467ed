package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds API Gateway HTTP API (payload 2.0) events shaped as API Gateway sends them. */
public final class ApiGatewayEvents {
    private String method = "GET";
    private String rawPath = "/";
    private String rawQueryString = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private List<String> cookies = List.of();
    private byte[] body;
    private boolean base64;

    public static ApiGatewayEvents request(String method, String rawPath) {
        ApiGatewayEvents event = new ApiGatewayEvents();
        event.method = method;
        event.rawPath = rawPath;
        event.headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        event.headers.put("x-forwarded-for", "198.51.100.7");
        event.headers.put("x-forwarded-proto", "https");
        event.headers.put("x-forwarded-port", "443");
        return event;
    }

    public ApiGatewayEvents query(String rawQueryString) {
        this.rawQueryString = rawQueryString;
        return this;
    }

    public ApiGatewayEvents header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiGatewayEvents withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    public ApiGatewayEvents cookies(String... cookies) {
        this.cookies = List.of(cookies);
        return this;
    }

    public ApiGatewayEvents textBody(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.base64 = false;
        return this;
    }

    public ApiGatewayEvents binaryBody(byte[] bytes) {
        this.body = bytes;
        this.base64 = true;
        return this;
    }

    public String json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", "$default");
            json.writeStringField("rawPath", rawPath);
            json.writeStringField("rawQueryString", rawQueryString);
            if (!cookies.isEmpty()) {
                json.writeArrayFieldStart("cookies");
                for (String cookie : cookies) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("queryStringParameters");
            json.writeEndObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("accountId", "123456789012");
            json.writeStringField("apiId", "abc123");
            json.writeStringField("domainName", "abc123.execute-api.us-east-1.amazonaws.com");
            json.writeObjectFieldStart("http");
            json.writeStringField("method", method);
            json.writeStringField("path", rawPath);
            json.writeStringField("protocol", "HTTP/1.1");
            json.writeStringField("sourceIp", "198.51.100.7");
            json.writeStringField("userAgent", "curl/8.0");
            json.writeEndObject();
            json.writeStringField("requestId", "JKJaXmPLvHcESHA=");
            json.writeStringField("routeKey", "$default");
            json.writeStringField("stage", "$default");
            json.writeNumberField("timeEpoch", 1_795_000_000_000L);
            json.writeEndObject();
            if (body != null) {
                json.writeStringField("body", base64 ? Base64.getEncoder().encodeToString(body)
                        : new String(body, StandardCharsets.UTF_8));
            }
            json.writeBooleanField("isBase64Encoded", base64);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
