package dev.hover.runtime.http;

import dev.hover.model.packaged.RequestTarget;
import dev.hover.runtime.net.HttpSyntax;
import dev.hover.template.ViewerHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Where the client sent its request, which the application's redirects and absolute URLs must
 * name: the host and scheme of the stage's public URL (docs/runtime.md, "The public URL").
 *
 * <p>Through CloudFront, the viewer's {@code Host} reaches API Gateway only as the header the
 * distribution's viewer-request function copies it into ({@value #VIEWER_HOST_HEADER}), because
 * API Gateway needs its own host. That header is believed only beside the origin header the
 * distribution adds to every request it sends ({@value #ORIGIN_VERIFY_HEADER}) carrying the value the
 * function is configured with ({@value #ORIGIN_VERIFY_VARIABLE}): a client calling the API
 * Gateway URL directly cannot choose the host the application writes into its links. Otherwise
 * the request came to API Gateway itself, whose host is the event's {@code host} header.
 * Both are served over HTTPS only, except a CloudFront viewer on plain HTTP where the distribution
 * allows it, which {@code CloudFront-Forwarded-Proto} says.
 *
 * <p>The origin is told as {@code Host}, {@code X-Forwarded-Host/-Proto/-Port} and RFC 7239's
 * {@code Forwarded} (which Helidon's requested-URI discovery reads), and, where the image asks for
 * it ({@link RequestTarget#VARIABLE}, for Jetty), in the request line itself.
 */
public final class PublicOrigin {
    static final String VIEWER_HOST_HEADER = ViewerHeaders.VIEWER_HOST;
    static final String ORIGIN_VERIFY_HEADER = ViewerHeaders.ORIGIN_VERIFY;
    static final String ORIGIN_VERIFY_VARIABLE = ViewerHeaders.ORIGIN_VERIFY_VARIABLE;

    private final byte[] originVerify;
    private final RequestTarget requestTarget;

    /** @param originVerify the value CloudFront's origin header carries; null or empty: none is believed */
    public PublicOrigin(String originVerify) {
        this(originVerify, RequestTarget.ORIGIN_FORM);
    }

    public PublicOrigin(String originVerify, RequestTarget requestTarget) {
        this.originVerify = originVerify == null || originVerify.isEmpty() ? null : originVerify.getBytes(StandardCharsets.UTF_8);
        this.requestTarget = requestTarget;
    }

    /** @throws IllegalArgumentException {@link RequestTarget#VARIABLE} holds something else than a form's name */
    public static PublicOrigin fromEnvironment(Map<String, String> environment) {
        return new PublicOrigin(environment.get(ORIGIN_VERIFY_VARIABLE), RequestTarget.of(environment.get(RequestTarget.VARIABLE)));
    }

    /**
     * The request line's target: {@code path} in origin-form, or prefixed with the origin's scheme and
     * host in absolute-form, unless that host is not a URI authority (a host header no browser would
     * send, from a direct invocation), which would make the request line unreadable.
     */
    String target(Origin origin, String path) {
        if (requestTarget == RequestTarget.ABSOLUTE_FORM && isAuthority(origin.host())) {
            return origin.scheme() + "://" + origin.host() + path;
        }
        return path;
    }

    /** A host name or IPv4 address, or an IPv6 literal in brackets, with an optional port. */
    private static boolean isAuthority(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-:[]".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return !host.isEmpty() && host.charAt(0) != ':';
    }

    /** @param host as the client wrote it (it may carry a port); @param https whether the client used HTTPS */
    record Origin(String host, boolean https) {
        String scheme() {
            return https ? "https" : "http";
        }

        /**
         * RFC 7239's form, {@code proto=https;host=shop.example.com}: the host as a token, or as a
         * quoted string when it is not one (a port's colon, an IPv6 literal).
         */
        String forwarded() {
            String forwarded = "proto=" + scheme() + ";host=";
            if (HttpSyntax.isToken(host)) {
                return forwarded + host;
            }
            StringBuilder quoted = new StringBuilder(forwarded.length() + host.length() + 4).append(forwarded).append('"');
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (c == '"' || c == '\\') {
                    quoted.append('\\');
                }
                quoted.append(c);
            }
            return quoted.append('"').toString();
        }

        int port() {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(']', colon) < 0) {
                try {
                    return Integer.parseInt(host.substring(colon + 1));
                } catch (NumberFormatException e) {
                    // not a port: the default one
                }
            }
            return https ? 443 : 80;
        }
    }

    /** Hosts that are not valid header values (a control character) are passed over, as if absent. */
    Origin of(ApiGatewayRequest request) {
        String viewerHost = request.header(VIEWER_HOST_HEADER);
        if (usable(viewerHost) && fromTheDistribution(request.header(ORIGIN_VERIFY_HEADER))) {
            return new Origin(viewerHost, !"http".equalsIgnoreCase(request.header("cloudfront-forwarded-proto")));
        }
        String host = request.header("host");
        if (!usable(host)) {
            host = usable(request.domainName()) ? request.domainName() : "localhost";
        }
        return new Origin(host, true);
    }

    private static boolean usable(String host) {
        return host != null && !host.isEmpty() && HttpSyntax.isFieldValue(host);
    }

    private boolean fromTheDistribution(String presented) {
        // constant time: the value is what keeps the header from being forged
        return originVerify != null && presented != null
                && MessageDigest.isEqual(originVerify, presented.getBytes(StandardCharsets.UTF_8));
    }
}
