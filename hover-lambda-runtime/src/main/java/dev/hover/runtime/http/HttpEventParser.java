package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.runtime.net.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads an http function's event in one streaming pass: no tree, no data binding. */
public final class HttpEventParser {
    private static final byte[] EMPTY = new byte[0];

    private final JsonFactory json;

    public HttpEventParser(JsonFactory json) {
        this.json = json;
    }

    /** @throws IllegalArgumentException when the event is neither an HTTP API 2.0 event nor a warmer's */
    public HttpFunctionEvent parse(byte[] payload) throws IOException {
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("The event is not a JSON object");
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "rawPath" -> fields.rawPath = parser.getValueAsString();
                    case "rawQueryString" -> fields.rawQueryString = parser.getValueAsString();
                    case "headers" -> fields.headers = headers(parser);
                    case "cookies" -> fields.cookies = strings(parser);
                    case "body" -> fields.body = parser.getValueAsString();
                    case "isBase64Encoded" -> fields.base64 = value == JsonToken.VALUE_TRUE;
                    case "requestContext" -> requestContext(parser, fields);
                    case "warmer" -> fields.warmer = value == JsonToken.VALUE_TRUE;
                    case "warmerPing" -> fields.warmerPing = value == JsonToken.VALUE_TRUE;
                    case "concurrency" -> fields.concurrency = parser.getValueAsInt(1);
                    default -> parser.skipChildren();
                }
            }
            return fields.event();
        }
    }

    private static void requestContext(JsonParser parser, Fields fields) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("domainName")) {
                fields.domainName = parser.getValueAsString();
            } else if (name.equals("http") && parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("method")) {
                        fields.method = parser.getValueAsString();
                    } else if (field.equals("sourceIp")) {
                        fields.sourceIp = parser.getValueAsString();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static List<Header> headers(JsonParser parser) throws IOException {
        List<Header> headers = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return headers;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            String value = parser.getValueAsString();
            if (value != null) {
                headers.add(new Header(name, value));
            } else {
                parser.skipChildren();
            }
        }
        return headers;
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        List<String> values = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return values;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String value = parser.getValueAsString();
            if (value != null) {
                values.add(value);
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    /** The members seen so far; their order in the event is not fixed. */
    private static final class Fields {
        String method;
        String rawPath;
        String rawQueryString;
        List<Header> headers = List.of();
        List<String> cookies = List.of();
        String body;
        boolean base64;
        String sourceIp;
        String domainName;
        boolean warmer;
        boolean warmerPing;
        int concurrency = 1;

        HttpFunctionEvent event() {
            if (warmerPing) {
                return new HttpFunctionEvent(HttpFunctionEvent.Kind.WARMER_PING, 0, null);
            }
            if (warmer) {
                return new HttpFunctionEvent(HttpFunctionEvent.Kind.WARMER, concurrency, null);
            }
            if (method == null) {
                throw new IllegalArgumentException("The event is not an API Gateway HTTP API event (payload format 2.0):"
                        + " it has no requestContext.http.method");
            }
            ApiGatewayRequest request = new ApiGatewayRequest(method, rawPath == null ? "/" : rawPath,
                    rawQueryString == null ? "" : rawQueryString, headers, cookies, body(), sourceIp, domainName);
            return new HttpFunctionEvent(HttpFunctionEvent.Kind.REQUEST, 0, request);
        }

        private byte[] body() {
            if (body == null || body.isEmpty()) {
                return EMPTY;
            }
            if (base64) {
                try {
                    return Base64.getDecoder().decode(body);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The event's body is marked isBase64Encoded but is not base64: "
                            + e.getMessage());
                }
            }
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
