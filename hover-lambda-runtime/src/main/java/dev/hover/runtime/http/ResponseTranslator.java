package dev.hover.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hover.runtime.Log;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpSyntax;
import dev.hover.runtime.net.HttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the application's response into an API Gateway HTTP API (payload 2.0) response:
 * {@code Set-Cookie} headers become {@code cookies}, repeated headers are joined with commas (as
 * API Gateway joins them), a body is sent as text only when its type says text, else base64, and a
 * header that is not valid HTTP (its name not a token, a control character in its value) is left out.
 */
public final class ResponseTranslator {
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "trailer", "upgrade");

    private final JsonFactory json;
    private final Output out = new Output();

    public ResponseTranslator(JsonFactory json) {
        this.json = json;
    }

    public byte[] translate(HttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> namesByLowerCase = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        String contentType = null;
        String contentEncoding = null;
        StringBuilder dropped = null;
        for (Header header : response.headers()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (!HttpSyntax.isToken(lower) || !HttpSyntax.isFieldValue(header.value())) {
                // a CR, LF or NUL that reached API Gateway would end up in the client's response head
                dropped = (dropped == null ? new StringBuilder() : dropped.append(", ")).append(HttpSyntax.printable(header.name()));
                continue;
            }
            if (lower.equals("set-cookie")) {
                cookies.add(header.value());
                continue;
            }
            if (NOT_RETURNED.contains(lower)) {
                continue;
            }
            if (lower.equals("content-type")) {
                contentType = header.value();
            } else if (lower.equals("content-encoding")) {
                contentEncoding = header.value();
            }
            String name = namesByLowerCase.putIfAbsent(lower, header.name());
            if (name == null) {
                headers.put(header.name(), header.value());
            } else {
                headers.put(name, headers.get(name) + ", " + header.value());
            }
        }
        if (dropped != null) {
            Log.error("left out of a " + response.status() + " response, not valid HTTP: header(s) " + dropped);
        }
        byte[] body = response.body();
        boolean text = isText(contentType, contentEncoding) && isUtf8(body);
        out.reset();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", response.status());
            generator.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                generator.writeStringField(header.getKey(), header.getValue());
            }
            generator.writeEndObject();
            if (!cookies.isEmpty()) {
                generator.writeArrayFieldStart("cookies");
                for (String cookie : cookies) {
                    generator.writeString(cookie);
                }
                generator.writeEndArray();
            }
            generator.writeBooleanField("isBase64Encoded", !text && body.length > 0);
            generator.writeFieldName("body");
            if (text || body.length == 0) {
                generator.writeUTF8String(body, 0, body.length);
            } else {
                generator.writeBinary(body);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A plain-text response for errors the runtime answers itself (502, 504). */
    public byte[] error(int status, String message) {
        out.reset();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", status);
            generator.writeObjectFieldStart("headers");
            generator.writeStringField("Content-Type", "text/plain; charset=utf-8");
            generator.writeEndObject();
            generator.writeBooleanField("isBase64Encoded", false);
            generator.writeStringField("body", message);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Text goes as a JSON string; anything else (images, archives, compressed text, text in a
     * charset other than UTF-8) as base64, so that no byte is lost.
     */
    static boolean isText(String contentType, String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        if (semicolon >= 0) {
            int charset = type.indexOf("charset=", semicolon);
            if (charset >= 0) {
                String name = type.substring(charset + 8).split("[;,]", 2)[0].trim().replace("\"", "");
                if (!name.equals("utf-8") && !name.equals("utf8") && !name.equals("us-ascii")) {
                    return false;
                }
            }
        }
        return mediaType.startsWith("text/")
                || mediaType.endsWith("+json") || mediaType.endsWith("+xml")
                || mediaType.equals("application/json") || mediaType.equals("application/xml")
                || mediaType.equals("application/javascript") || mediaType.equals("application/ecmascript")
                || mediaType.equals("application/x-www-form-urlencoded") || mediaType.equals("application/graphql")
                || mediaType.equals("application/x-ndjson") || mediaType.equals("application/yaml");
    }

    /** Whether the bytes are well-formed UTF-8 (a text type promises it, a body may not keep it). */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int continuation;
            int minimum;
            if ((b & 0xe0) == 0xc0) {
                continuation = 1;
                minimum = 0x80;
            } else if ((b & 0xf0) == 0xe0) {
                continuation = 2;
                minimum = 0x800;
            } else if ((b & 0xf8) == 0xf0) {
                continuation = 3;
                minimum = 0x10000;
            } else {
                return false;
            }
            if (i + continuation >= length) {
                return false;
            }
            int codePoint = b & (0x3f >> continuation);
            for (int k = 1; k <= continuation; k++) {
                int next = bytes[i + k];
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3f);
            }
            if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return false;
            }
            i += continuation + 1;
        }
        return true;
    }

    /** A reusable output buffer: responses are built one at a time. */
    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(8192);
        }
    }
}
