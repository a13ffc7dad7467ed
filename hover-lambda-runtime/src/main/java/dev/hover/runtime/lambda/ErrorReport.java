package dev.hover.runtime.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An error in the Runtime API's format: the body {@code {"errorMessage","errorType","stackTrace"}}
 * and the header {@code Lambda-Runtime-Function-Error-Type: Runtime.<kind>}.
 *
 * @param kind       what failed, e.g. {@code UserException}, {@code AppStartFailed}; sent as {@code Runtime.<kind>}
 * @param type       {@code errorType}: the exception's class name
 * @param message    {@code errorMessage}
 * @param stackTrace frames and {@code Caused by:} lines, as Java prints them
 */
public record ErrorReport(String kind, String type, String message, List<String> stackTrace) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_FRAMES = 50;

    public ErrorReport {
        stackTrace = List.copyOf(stackTrace);
    }

    public static ErrorReport of(String kind, Throwable error) {
        return new ErrorReport(kind, error.getClass().getName(), String.valueOf(error.getMessage()), frames(error));
    }

    /**
     * An error the runtime diagnosed itself: {@code errorType} is {@code Runtime.<kind>}, the
     * message says what went wrong, the stack trace is the cause's, if any.
     */
    public static ErrorReport diagnosed(String kind, String message, Throwable cause) {
        return new ErrorReport(kind, "Runtime." + kind, message, cause == null ? List.of() : frames(cause));
    }

    public String headerValue() {
        return "Runtime." + kind;
    }

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("errorMessage", message);
            json.writeStringField("errorType", type);
            json.writeArrayFieldStart("stackTrace");
            for (String frame : stackTrace) {
                json.writeString(frame);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * As {@link Throwable#printStackTrace()} lays it out: every cause gets its {@code Caused by:}
     * line, its frames in common with the enclosing trace are left out ({@code … n more}), and each
     * trace is cut at {@value #MAX_FRAMES} frames, so that the root cause of a deep framework stack
     * is never lost.
     */
    private static List<String> frames(Throwable error) {
        List<String> frames = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable current = error; current != null && seen.add(current); current = current.getCause()) {
            if (current != error) {
                frames.add("Caused by: " + current);
            }
            StackTraceElement[] trace = current.getStackTrace();
            int own = trace.length;
            for (int k = enclosing.length - 1; own > 0 && k >= 0 && trace[own - 1].equals(enclosing[k]); k--) {
                own--;
            }
            for (int i = 0; i < Math.min(own, MAX_FRAMES); i++) {
                frames.add(trace[i].toString());
            }
            if (trace.length > Math.min(own, MAX_FRAMES)) {
                frames.add("… " + (trace.length - Math.min(own, MAX_FRAMES)) + " more");
            }
            enclosing = trace;
        }
        return frames;
    }

}
