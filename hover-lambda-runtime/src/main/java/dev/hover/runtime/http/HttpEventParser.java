package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpSyntax;
import dev.hover.runtime.warmer.Warmer;

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
                    case "warmer" -> fields.warmer = flag(parser, "warmer");
                    case "warmerPing" -> fields.warmerPing = flag(parser, "warmerPing");
                    case "concurrency" -> concurrency(parser, fields);
                    default -> parser.skipChildren();
                }
            }
            return fields.event();
        }
    }

    /** {@code warmer}, {@code warmerPing}: {@code true} or {@code false}, nothing else. */
    private static boolean flag(JsonParser parser, String field) throws IOException {
        JsonToken value = parser.currentToken();
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("The warmer event's " + field + " is " + shown(parser)
                    + "; it takes true or false");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    /**
     * The warmer's {@code concurrency}: how many containers to keep warm, a whole number from 1 to
     * {@value Warmer#MAX_CONCURRENCY}. Only a warmer event uses it, so a bad one is kept as the
     * message that names it ({@link Fields#event()}), rather than read as 1.
     */
    private static void concurrency(JsonParser parser, Fields fields) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            String digits = parser.getText();
            // at most 5 digits and no sign, then the range
            if (digits.length() <= 5 && digits.charAt(0) != '-') {
                int value = Integer.parseInt(digits);
                if (value >= 1 && value <= Warmer.MAX_CONCURRENCY) {
                    fields.concurrency = value;
                    return;
                }
            }
        }
        fields.badConcurrency = "The warmer event's concurrency is " + shown(parser) + "; it takes a whole number from 1 to "
                + Warmer.MAX_CONCURRENCY + " (the containers to keep warm)";
        parser.skipChildren();
    }

    /** A value as a message quotes it: a string in quotes, an object or array by its kind, at most 40 characters. */
    private static String shown(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (token == JsonToken.START_ARRAY) {
            return "an array";
        }
        String text = parser.getText().replaceAll("[\\x00-\\x1f\\x7f]", "?");
        String limited = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return token == JsonToken.VALUE_STRING ? "\"" + limited + "\"" : limited;
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
        String badConcurrency;

        HttpFunctionEvent event() {
            if (warmerPing) {
                return new HttpFunctionEvent(HttpFunctionEvent.Kind.WARMER_PING, 0, null);
            }
            if (warmer) {
                if (badConcurrency != null) {
                    throw new IllegalArgumentException(badConcurrency);
                }
                return new HttpFunctionEvent(HttpFunctionEvent.Kind.WARMER, concurrency, null);
            }
            if (method == null) {
                throw new IllegalArgumentException("The event is not an API Gateway HTTP API event (payload format 2.0):"
                        + " it has no requestContext.http.method");
            }
            if (!HttpSyntax.isToken(method)) {
                // a space would let the method carry a second request target past rawPath
                throw new IllegalArgumentException("The event's requestContext.http.method is "
                        + HttpSyntax.printable(method) + ", not an HTTP method (a token: letters, digits and "
                        + "!#$%&'*+-.^_`|~, no space)");
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
