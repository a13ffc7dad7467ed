package dev.hover.runtime.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker's log records: one JSON object a line, so CloudWatch Logs Insights can filter on
 * {@code event}, {@code job}, {@code jobId}… What lasts is the failed-jobs record; these lines say
 * what happened, when.
 */
final class JobLog {
    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;

    JobLog(PrintStream out) {
        this.out = out;
    }

    Entry warn(String event) {
        return new Entry("WARN", event);
    }

    Entry error(String event) {
        return new Entry("ERROR", event);
    }

    final class Entry {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Entry(String level, String event) {
            fields.put("level", level);
            fields.put("event", event);
        }

        Entry with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        Entry record(SqsRecord record) {
            return with("queue", record.queueName()).with("messageId", record.messageId())
                    .with("receiveCount", record.receiveCount());
        }

        Entry exception(Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return with("exception", t.toString()).with("stackTrace", trace.toString());
        }

        void write() {
            StringWriter line = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    if (field.getValue() instanceof Number n) {
                        json.writeNumberField(field.getKey(), n.longValue());
                    } else {
                        json.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                    }
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(line);
        }
    }
}
