package dev.hover.runtime.queue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The queue message format, version 1:
 * <pre>{@code
 * {"version": 1, "id": "…", "job": "com.example.SendInvoice", "data": {…},
 *  "tries": 5, "backoff": [10, 60], "timeout": 30, "dispatchedAt": "2026-11-26T17:40:00Z"}
 * }</pre>
 * {@code tries}, {@code backoff}, {@code timeout} (seconds) and {@code dispatchedAt} are optional;
 * fields this version does not know are ignored, so a later version may add some. The runtime adds
 * {@code attempt}, {@code crashes}, {@code notBefore} and {@code lastError} ({@link Delivery}) when it
 * sends a job back; a dispatched job has none of them.
 */
public final class JobMessageCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private JobMessageCodec() {
    }

    public static String encode(JobMessage message) {
        StringWriter text = new StringWriter(128 + message.data().length());
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("version", JobMessage.VERSION);
            out.writeStringField("id", message.id());
            out.writeStringField("job", message.job());
            out.writeFieldName("data");
            out.writeRawValue(message.data());
            RetryOverrides overrides = message.overrides();
            if (overrides.tries().isPresent()) {
                out.writeNumberField("tries", overrides.tries().getAsInt());
            }
            if (overrides.backoff().isPresent()) {
                out.writeArrayFieldStart("backoff");
                for (int seconds : overrides.backoff().get()) {
                    out.writeNumber(seconds);
                }
                out.writeEndArray();
            }
            if (overrides.timeoutSeconds().isPresent()) {
                out.writeNumberField("timeout", overrides.timeoutSeconds().getAsInt());
            }
            if (message.dispatchedAt().isPresent()) {
                out.writeStringField("dispatchedAt", message.dispatchedAt().get().toString());
            }
            Delivery delivery = message.delivery();
            if (delivery.attempt() > 1) {
                out.writeNumberField("attempt", delivery.attempt());
            }
            if (delivery.crashes() > 0) {
                out.writeNumberField("crashes", delivery.crashes());
            }
            if (delivery.notBefore().isPresent()) {
                out.writeStringField("notBefore", delivery.notBefore().get().toString());
            }
            if (delivery.lastError().isPresent()) {
                out.writeStringField("lastError", delivery.lastError().get());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static JobMessage decode(String body) throws InvalidJobMessageException {
        try (JsonParser in = JSON.createParser(body)) {
            return new Reader(in).message();
        } catch (JsonProcessingException e) {
            throw new InvalidJobMessageException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reader {
        private final JsonParser in;
        private Integer version;
        private String id;
        private String job;
        private String data;
        private OptionalInt tries = OptionalInt.empty();
        private Optional<List<Integer>> backoff = Optional.empty();
        private OptionalInt timeout = OptionalInt.empty();
        private Optional<Instant> dispatchedAt = Optional.empty();
        private int attempt = 1;
        private int crashes;
        private Optional<Instant> notBefore = Optional.empty();
        private Optional<String> lastError = Optional.empty();

        Reader(JsonParser in) {
            this.in = in;
        }

        JobMessage message() throws IOException, InvalidJobMessageException {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidJobMessageException("the body is not a JSON object, so not a Hover job message");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                field(field);
            }
            if (version == null) {
                throw new InvalidJobMessageException("the body has no \"version\", so it is not a Hover job message");
            }
            if (version < 1 || version > JobMessage.VERSION) {
                throw new InvalidJobMessageException("message version " + version
                        + " is not one this runtime reads (1 to " + JobMessage.VERSION + ")");
            }
            return new JobMessage(required("id", id), required("job", job), required("data", data),
                    new RetryOverrides(tries, backoff, timeout), dispatchedAt,
                    new Delivery(attempt, crashes, notBefore, lastError));
        }

        private void field(String field) throws IOException, InvalidJobMessageException {
            switch (field) {
                case "version" -> version = integer(field, Integer.MIN_VALUE);
                case "id" -> id = string(field);
                case "job" -> job = string(field);
                case "data" -> data = rawValue();
                case "tries" -> tries = OptionalInt.of(integer(field, 1));
                case "backoff" -> backoff = Optional.of(integers(field));
                case "timeout" -> timeout = OptionalInt.of(integer(field, 1));
                case "dispatchedAt" -> dispatchedAt = Optional.of(instant(field));
                case "attempt" -> attempt = integer(field, 1);
                case "crashes" -> crashes = integer(field, 0);
                case "notBefore" -> notBefore = Optional.of(instant(field));
                case "lastError" -> lastError = Optional.of(string(field));
                default -> in.skipChildren();
            }
        }

        private String rawValue() throws IOException {
            StringWriter raw = new StringWriter();
            try (JsonGenerator copy = JSON.createGenerator(raw)) {
                copy.copyCurrentStructure(in);
            }
            return raw.toString();
        }

        private String string(String field) throws IOException, InvalidJobMessageException {
            if (in.currentToken() != JsonToken.VALUE_STRING) {
                throw new InvalidJobMessageException("\"" + field + "\" must be a string");
            }
            return in.getText();
        }

        private int integer(String field, int min) throws IOException, InvalidJobMessageException {
            if (in.currentToken() != JsonToken.VALUE_NUMBER_INT || in.getNumberType() != JsonParser.NumberType.INT
                    || in.getIntValue() < min) {
                throw new InvalidJobMessageException("\"" + field + "\" must be a whole number"
                        + (min > Integer.MIN_VALUE ? " of at least " + min : "") + ", was " + in.getText());
            }
            return in.getIntValue();
        }

        private List<Integer> integers(String field) throws IOException, InvalidJobMessageException {
            if (in.currentToken() != JsonToken.START_ARRAY) {
                throw new InvalidJobMessageException("\"" + field + "\" must be an array of seconds");
            }
            List<Integer> values = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
                values.add(integer(field, 0));
            }
            return values;
        }

        private Instant instant(String field) throws IOException, InvalidJobMessageException {
            String text = string(field);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidJobMessageException("\"" + field + "\" must be an ISO-8601 instant, was " + text);
            }
        }

        private static String required(String field, String value) throws InvalidJobMessageException {
            if (value == null) {
                throw new InvalidJobMessageException("the message has no \"" + field + "\"");
            }
            return value;
        }
    }
}
