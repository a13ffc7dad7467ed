package dev.hover.runtime.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads Lambda's SQS event and writes the partial batch response. */
public final class SqsEventCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private SqsEventCodec() {
    }

    /** @throws IllegalArgumentException when the event is not an SQS event */
    public static List<SqsRecord> records(String event) {
        try (JsonParser in = JSON.createParser(event)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw notSqs();
            }
            List<SqsRecord> records = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (field.equals("Records") && value == JsonToken.START_ARRAY) {
                    records = new ArrayList<>();
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        records.add(record(in));
                    }
                } else {
                    in.skipChildren();
                }
            }
            if (records == null) {
                throw notSqs();
            }
            return records;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the queue function's event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SqsRecord record(JsonParser in) throws IOException {
        String messageId = null;
        String receiptHandle = null;
        String body = null;
        String arn = null;
        int receiveCount = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "messageId" -> messageId = in.getValueAsString();
                case "receiptHandle" -> receiptHandle = in.getValueAsString();
                case "body" -> body = in.getValueAsString();
                case "eventSourceARN" -> arn = in.getValueAsString();
                case "attributes" -> receiveCount = receiveCount(in);
                default -> in.skipChildren();
            }
        }
        if (messageId == null || receiptHandle == null || arn == null) {
            throw new IllegalArgumentException("an SQS record lacks messageId, receiptHandle or eventSourceARN");
        }
        return new SqsRecord(messageId, receiptHandle, body == null ? "" : body, receiveCount, arn);
    }

    private static int receiveCount(JsonParser in) throws IOException {
        int count = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            if (field.equals("ApproximateReceiveCount")) {
                count = in.getValueAsInt(0);
            } else {
                in.skipChildren();
            }
        }
        // a record always was received at least once
        return Math.max(count, 1);
    }

    private static IllegalArgumentException notSqs() {
        return new IllegalArgumentException("a queue function expects an SQS event ({\"Records\": [...]})");
    }

    /** {@code {"batchItemFailures": [{"itemIdentifier": "<messageId>"}, …]}} */
    public static String batchResponse(List<String> failedMessageIds) {
        StringWriter json = new StringWriter(32 + failedMessageIds.size() * 64);
        try (JsonGenerator out = JSON.createGenerator(json)) {
            out.writeStartObject();
            out.writeArrayFieldStart("batchItemFailures");
            for (String id : failedMessageIds) {
                out.writeStartObject();
                out.writeStringField("itemIdentifier", id);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }
}
