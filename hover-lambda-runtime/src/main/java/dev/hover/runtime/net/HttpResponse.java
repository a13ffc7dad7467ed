package dev.hover.runtime.net;

import java.util.List;

/**
 * A response read off the wire.
 *
 * @param status    the status code
 * @param headers   in wire order, repeats kept; framing headers ({@code Transfer-Encoding}) included
 * @param body      the body, de-chunked
 * @param keepAlive whether the connection can carry another request
 */
public record HttpResponse(int status, List<Header> headers, byte[] body, boolean keepAlive) {

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
