package dev.hover.model.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a failed-jobs record entry, written by the runtime and read by the queue goals:
 * <pre>{@code
 * {"hoverFailedJob": 1, "id": "…", "job": "com.example.SendInvoice", "queue": "mail-shop-staging",
 *  "attempts": 3, "failedAt": "2026-11-26T17:40:00Z", "reason": "failed",
 *  "exception": "java.lang.IllegalStateException: …", "stackTrace": "…", "body": "{\"version\":1,…}"}
 * }</pre>
 * Streaming jackson-core only, as the runtime reads nothing heavier. A message without
 * {@code hoverFailedJob} is not an entry: it is a job message the queue's redrive policy moved.
 */
public final class FailedJobCodec {
    public static final String MARKER = "hoverFailedJob";
    public static final int VERSION = 1;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FailedJobCodec() {
    }

    public static String encode(FailedJob entry) {
        StringWriter text = new StringWriter(256 + entry.body().length() + entry.stackTrace().length());
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField(MARKER, VERSION);
            out.writeStringField("id", entry.id());
            if (entry.job().isPresent()) {
                out.writeStringField("job", entry.job().get());
            }
            out.writeStringField("queue", entry.queue());
            out.writeNumberField("attempts", entry.attempts());
            out.writeStringField("failedAt", entry.failedAt().toString());
            out.writeStringField("reason", entry.reason().label());
            out.writeStringField("exception", entry.exception());
            out.writeStringField("stackTrace", entry.stackTrace());
            out.writeStringField("body", entry.body());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * @return the entry, or empty when the body is not one (a message moved by a redrive policy)
     * @throws IllegalArgumentException when the body is an entry with a missing or malformed field
     */
    public static Optional<FailedJob> decode(String body) {
        Map<String, String> fields = scalarFields(body);
        if (!fields.containsKey(MARKER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FailedJob(required(fields, "id"), Optional.ofNullable(fields.get("job")),
                    required(fields, "queue"), Integer.parseInt(required(fields, "attempts")),
                    Instant.parse(required(fields, "failedAt")),
                    FailedJob.Reason.valueOf(required(fields, "reason").toUpperCase(Locale.ROOT)),
                    required(fields, "exception"), fields.getOrDefault("stackTrace", ""), required(fields, "body")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a failed-jobs entry has a malformed field: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a failed-jobs entry is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * A job message the queue's redrive policy moved to the record as it was (its container kept
     * dying even while the runtime tried to record it), seen as an entry.
     *
     * @param sourceQueue the queue it came from, when known
     * @param receives    how often it was received before it was moved
     * @param sentAt      when it was first sent, as close to when it failed as SQS tells
     */
    public static FailedJob moved(String messageId, String body, Optional<String> sourceQueue, int receives, Instant sentAt) {
        Map<String, String> fields = scalarFields(body);
        return new FailedJob(fields.getOrDefault("id", messageId), Optional.ofNullable(fields.get("job")),
                sourceQueue.orElse("?"), receives, sentAt, FailedJob.Reason.POISON,
                "moved here by the queue's redrive policy after " + receives + " receives: its container kept dying",
                "", body);
    }

    private static Map<String, String> scalarFields(String body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser in = JSON.createParser(body)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (value.isScalarValue()) {
                    fields.put(field, in.getText());
                } else {
                    in.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("it has no \"" + name + "\"");
        }
        return value;
    }
}
