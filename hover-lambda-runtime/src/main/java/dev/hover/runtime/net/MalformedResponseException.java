package dev.hover.runtime.net;

import java.io.IOException;

/** The peer sent something that is not HTTP/1.x. */
public class MalformedResponseException extends IOException {
    public MalformedResponseException(String message) {
        super(message);
    }
}
