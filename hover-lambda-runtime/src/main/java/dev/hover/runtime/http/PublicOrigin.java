package dev.hover.runtime.http;

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
 */
public final class PublicOrigin {
    static final String VIEWER_HOST_HEADER = ViewerHeaders.VIEWER_HOST;
    static final String ORIGIN_VERIFY_HEADER = ViewerHeaders.ORIGIN_VERIFY;
    static final String ORIGIN_VERIFY_VARIABLE = ViewerHeaders.ORIGIN_VERIFY_VARIABLE;

    private final byte[] originVerify;

    /** @param originVerify the value CloudFront's origin header carries; null or empty: none is believed */
    public PublicOrigin(String originVerify) {
        this.originVerify = originVerify == null || originVerify.isEmpty() ? null : originVerify.getBytes(StandardCharsets.UTF_8);
    }

    public static PublicOrigin fromEnvironment(Map<String, String> environment) {
        return new PublicOrigin(environment.get(ORIGIN_VERIFY_VARIABLE));
    }

    /** @param host as the client wrote it (it may carry a port); @param https whether the client used HTTPS */
    record Origin(String host, boolean https) {
        String scheme() {
            return https ? "https" : "http";
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
