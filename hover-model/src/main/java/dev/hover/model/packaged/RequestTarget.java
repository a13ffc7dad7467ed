package dev.hover.model.packaged;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the runtime writes the request line it sends the application (image → runtime, through the
 * image's environment; docs/runtime.md, "The public URL"). {@link #ORIGIN_FORM} ({@code GET /path}) is
 * what every server expects. {@link #ABSOLUTE_FORM} ({@code GET https://host/path}) carries the
 * public scheme and host in the request line itself; RFC 9112 §3.2.2 obliges every HTTP/1.1 server
 * to accept it, and Jetty takes the request's scheme and host from it, which is the only way Jetty
 * learns of HTTPS without code in the application (its {@code ForwardedRequestCustomizer}).
 */
public enum RequestTarget {
    ORIGIN_FORM("origin-form"),
    ABSOLUTE_FORM("absolute-form");

    public static final String VARIABLE = "HOVER_REQUEST_TARGET";

    private final String value;

    RequestTarget(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** @param value the variable's value; null or empty: origin-form */
    public static RequestTarget of(String value) {
        if (value == null || value.isEmpty()) {
            return ORIGIN_FORM;
        }
        return Arrays.stream(values()).filter(target -> target.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(VARIABLE + " is '" + value + "', not one of "
                        + Arrays.stream(values()).map(RequestTarget::value).collect(Collectors.joining(", "))));
    }
}
