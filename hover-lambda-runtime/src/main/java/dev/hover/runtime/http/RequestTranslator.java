package dev.hover.runtime.http;

import dev.hover.runtime.Invocation;
import dev.hover.runtime.Log;
import dev.hover.runtime.net.Header;
import dev.hover.runtime.net.HttpSyntax;
import dev.hover.runtime.net.RequestHead;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the HTTP/1.1 request an API Gateway event stands for: the client's method, raw path and
 * raw query string, its headers and cookies, the proxy headers an application behind a load
 * balancer expects, and the invocation's id and deadline (see docs/runtime.md).
 */
public final class RequestTranslator {
    public static final String REQUEST_ID_HEADER = "X-Hover-Request-Id";
    public static final String DEADLINE_HEADER = "X-Hover-Deadline-Ms";

    /**
     * Hop-by-hop and framing headers belong to the client's connection, not to this one; the host
     * and the forwarded host, scheme and port are the public origin's, whatever a client sent
     * (in X-Forwarded-* or RFC 7239's Forwarded).
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "content-length", "expect", "cookie", "host",
            "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded");
    /** Ours: a client must not be able to set them. */
    private static final String HOVER_PREFIX = "x-hover-";
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    private static final Set<String> BODY_EXPECTED = Set.of("POST", "PUT", "PATCH");

    private RequestTranslator() {
    }

    public static boolean isIdempotent(ApiGatewayRequest request) {
        return IDEMPOTENT.contains(request.method());
    }

    public static boolean isHead(ApiGatewayRequest request) {
        return "HEAD".equals(request.method());
    }

    /**
     * Writes the request head. A header whose name is not an HTTP token, or whose value holds a
     * control character (CR, LF, NUL, …), is left out and logged by name: forwarded, it could split
     * the head or smuggle a second {@code Host}. So is such a cookie.
     *
     * @param request      its method is a token ({@link HttpEventParser} refuses an event whose method is not)
     * @param publicOrigin tells the host and scheme the client used, for {@code Host}, {@code X-Forwarded-*},
     *                     {@code Forwarded} and, in absolute-form, the request line
     */
    public static void write(ApiGatewayRequest request, Invocation invocation, RequestHead head, PublicOrigin publicOrigin) {
        PublicOrigin.Origin origin = publicOrigin.of(request);
        head.start(request.method(), publicOrigin.target(origin, target(request)));
        StringBuilder dropped = null;
        String host = request.header("host");
        if (host != null && !HttpSyntax.isFieldValue(host)) {
            dropped = dropped(null, "header", "host");
        }
        head.header("Host", origin.host());
        boolean forwardedFor = false;
        for (Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.startsWith(HOVER_PREFIX)) {
                continue;
            }
            if (!HttpSyntax.isToken(name) || !HttpSyntax.isFieldValue(header.value())) {
                dropped = dropped(dropped, "header", header.name());
                continue;
            }
            forwardedFor |= name.equals("x-forwarded-for");
            head.header(header.name(), header.value());
        }
        if (!forwardedFor && request.sourceIp() != null) {
            head.header("X-Forwarded-For", request.sourceIp());
        }
        head.header("X-Forwarded-Proto", origin.scheme());
        head.header("X-Forwarded-Host", origin.host());
        head.header("X-Forwarded-Port", origin.port());
        head.header("Forwarded", origin.forwarded());
        if (!request.cookies().isEmpty()) {
            dropped = cookies(request, head, dropped);
        }
        if (request.body().length > 0 || BODY_EXPECTED.contains(request.method())) {
            head.header("Content-Length", request.body().length);
        }
        head.header(REQUEST_ID_HEADER, invocation.requestId());
        head.header(DEADLINE_HEADER, invocation.deadlineMs());
        head.end();
        if (dropped != null) {
            Log.error("left out of " + request.method() + " " + HttpSyntax.printable(request.rawPath()) + " (request "
                    + invocation.requestId() + "), not valid HTTP: " + dropped);
        }
    }

    private static StringBuilder cookies(ApiGatewayRequest request, RequestHead head, StringBuilder dropped) {
        StringBuilder joined = new StringBuilder();
        for (String cookie : request.cookies()) {
            if (!HttpSyntax.isFieldValue(cookie)) {
                int equals = cookie.indexOf('=');
                dropped = dropped(dropped, "cookie", equals < 0 ? cookie : cookie.substring(0, equals));
                continue;
            }
            if (joined.length() > 0) {
                joined.append("; ");
            }
            joined.append(cookie);
        }
        if (joined.length() > 0) {
            head.header("Cookie", joined.toString());
        }
        return dropped;
    }

    /** Names only: a value may be a credential, and is what was wrong anyway. */
    private static StringBuilder dropped(StringBuilder dropped, String what, String name) {
        StringBuilder list = dropped == null ? new StringBuilder() : dropped.append(", ");
        return list.append(what).append(' ').append(HttpSyntax.printable(name));
    }

    /** The request target: raw path and query, with what may not appear in one percent-encoded. */
    static String target(ApiGatewayRequest request) {
        String path = request.rawPath().startsWith("/") ? request.rawPath() : "/" + request.rawPath();
        String target = request.rawQueryString().isEmpty() ? path : path + "?" + request.rawQueryString();
        return needsEncoding(target) ? encode(target) : target;
    }

    private static boolean needsEncoding(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (!isAllowed(target.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Printable ASCII except what RFC 3986 excludes from paths and queries. */
    private static boolean isAllowed(char c) {
        return c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
    }

    private static String encode(String target) {
        StringBuilder encoded = new StringBuilder(target.length() + 16);
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isAllowed(c)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
