package dev.hover.runtime.net;

import java.io.IOException;

/** The response body exceeds the limit the caller gave; the connection is unusable afterwards. */
public class ResponseTooLargeException extends IOException {
    public ResponseTooLargeException(long limit) {
        super("The response body exceeds " + limit + " bytes");
    }
}
