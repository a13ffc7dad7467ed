package dev.hover.model.packaged;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads and writes {@code hover/stage.json}. Streaming jackson-core only: the runtime reads this
 * file at every cold start, and jackson-databind would cost it ~100 ms of class loading.
 */
public final class PackagedManifestCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PackagedManifestCodec() {
    }

    public static void write(PackagedManifest manifest, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(manifest, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the packaged manifest " + file, e);
        }
    }

    public static void write(PackagedManifest manifest, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", PackagedManifest.FORMAT);
            json.writeStringField("stage", manifest.stage());
            json.writeStringField("name", manifest.name());
            json.writeStringField("buildId", manifest.buildId());
            json.writeStringField("mainClass", manifest.mainClass());
            json.writeObjectFieldStart("environment");
            for (Map.Entry<String, String> variable : manifest.environment().entrySet()) {
                json.writeStringField(variable.getKey(), variable.getValue());
            }
            json.writeEndObject();
            PackagedManifest.Http http = manifest.http();
            json.writeObjectFieldStart("http");
            json.writeNumberField("port", http.port());
            json.writeStringField("readinessPath", http.readinessPath());
            json.writeNumberField("warm", http.warm());
            json.writeNumberField("readyTimeoutSeconds", http.readyTimeoutSeconds());
            writeArray(json, "prime", http.prime());
            json.writeNumberField("primeRounds", http.primeRounds());
            json.writeEndObject();
            json.writeArrayFieldStart("schedule");
            for (ScheduleEntry entry : manifest.schedule()) {
                json.writeStartObject();
                json.writeStringField("cron", entry.cron());
                json.writeStringField("command", entry.command());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("queues");
            for (QueueFunction queue : manifest.queues().values()) {
                json.writeObjectFieldStart(queue.function());
                json.writeNumberField("memory", queue.memory());
                json.writeNumberField("timeout", queue.timeout());
                if (queue.concurrency().isPresent()) {
                    json.writeNumberField("concurrency", queue.concurrency().getAsInt());
                }
                json.writeNumberField("tries", queue.tries());
                writeArray(json, "backoff", queue.backoff());
                writeArray(json, "queues", queue.queues());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void writeArray(JsonGenerator json, String field, List<?> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (Object value : values) {
            if (value instanceof Integer number) {
                json.writeNumber(number);
            } else {
                json.writeString((String) value);
            }
        }
        json.writeEndArray();
    }

    /** @throws PackagedManifestException naming the file and what is wrong where */
    public static PackagedManifest read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new PackagedManifestException("Cannot read the packaged manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param source names the input in error messages
     * @throws PackagedManifestException naming the source and what is wrong where
     */
    public static PackagedManifest read(InputStream in, String source) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            return new Reader(json, source).manifest();
        } catch (JsonParseException e) {
            throw new PackagedManifestException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        }
    }

    /** One pass over the tokens, keeping the JSON path for messages. */
    private static final class Reader {
        private final JsonParser json;
        private final String source;

        Reader(JsonParser json, String source) {
            this.json = json;
            this.source = source;
        }

        PackagedManifest manifest() throws IOException {
            json.nextToken();
            Fields fields = object(JsonPath.ROOT);
            int format = fields.integer("format");
            if (format > PackagedManifest.FORMAT) {
                throw error(JsonPath.ROOT.member("format"), "is " + format + ", this runtime reads format " + PackagedManifest.FORMAT
                        + " or older: use the runtime of the plugin version that built the image");
            }
            return new PackagedManifest(
                    fields.string("stage"),
                    fields.string("name"),
                    fields.string("buildId"),
                    fields.stringMap("environment"),
                    fields.string("mainClass"),
                    http(fields.object("http")),
                    schedule(fields.array("schedule")),
                    queues(fields.object("queues")));
        }

        private PackagedManifest.Http http(Fields http) throws IOException {
            // prime and primeRounds came later within format 1: a file without them primes the readiness path
            return new PackagedManifest.Http(http.integer("port"), http.string("readinessPath"),
                    http.integer("warm"), http.integer("readyTimeoutSeconds"),
                    http.has("prime") ? http.strings("prime") : List.of(),
                    http.has("primeRounds") ? http.integer("primeRounds") : HttpFunction.DEFAULT_PRIME_ROUNDS);
        }

        private List<ScheduleEntry> schedule(List<Object> entries) throws IOException {
            List<ScheduleEntry> schedule = new ArrayList<>();
            for (Object entry : entries) {
                Fields fields = (Fields) entry;
                schedule.add(new ScheduleEntry(fields.string("cron"), fields.string("command")));
            }
            return schedule;
        }

        private Map<String, QueueFunction> queues(Fields queues) throws IOException {
            Map<String, QueueFunction> result = new LinkedHashMap<>();
            for (String function : queues.values.keySet()) {
                Fields queue = queues.object(function);
                result.put(function, new QueueFunction(function, queue.integer("memory"), queue.integer("timeout"),
                        queue.optionalInteger("concurrency"), queue.integer("tries"),
                        queue.integers("backoff"), queue.strings("queues")));
            }
            return result;
        }

        /** Reads the value at the current token: a String, Integer, Fields, List or null. */
        private Object value(JsonPath path) throws IOException {
            JsonToken token = json.currentToken();
            if (token == null) {
                throw error(path, "is missing: the file ends early");
            }
            return switch (token) {
                case START_OBJECT -> object(path);
                case START_ARRAY -> array(path);
                case VALUE_STRING -> json.getText();
                // parsed here, not with getIntValue(): Jackson's NumberInput compiles a regex in its
                // static initialiser, which costs the runtime's cold start the JVM's lambda bootstrap
                case VALUE_NUMBER_INT -> integer(path);
                case VALUE_NULL -> null;
                default -> throw error(path, "has an unexpected " + json.getText());
            };
        }

        private Integer integer(JsonPath path) throws IOException {
            try {
                return Integer.valueOf(json.getText());
            } catch (NumberFormatException e) {
                throw error(path, "is out of range: " + json.getText());
            }
        }

        private Fields object(JsonPath path) throws IOException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw error(path, "must be an object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                values.put(name, value(path.member(name)));
            }
            return new Fields(path, values);
        }

        private List<Object> array(JsonPath path) throws IOException {
            List<Object> values = new ArrayList<>();
            int index = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                values.add(value(path.element(index++)));
            }
            return values;
        }

        private PackagedManifestException error(JsonPath path, String problem) {
            return new PackagedManifestException(source + ": " + path + " " + problem);
        }

        /** An object's members, checked as they are taken. */
        private final class Fields {
            private final JsonPath path;
            private final Map<String, Object> values;

            Fields(JsonPath path, Map<String, Object> values) {
                this.path = path;
                this.values = values;
            }

            private <T> T get(String name, Class<T> type, String kind) {
                Object value = values.get(name);
                if (value == null) {
                    throw error(path.member(name), "is missing");
                }
                if (!type.isInstance(value)) {
                    throw error(path.member(name), "must be " + kind);
                }
                return type.cast(value);
            }

            boolean has(String name) {
                return values.get(name) != null;
            }

            String string(String name) {
                return get(name, String.class, "a string");
            }

            int integer(String name) {
                return get(name, Integer.class, "an integer");
            }

            OptionalInt optionalInteger(String name) {
                return values.get(name) == null ? OptionalInt.empty() : OptionalInt.of(integer(name));
            }

            Fields object(String name) {
                return get(name, Fields.class, "an object");
            }

            List<Object> array(String name) {
                return get(name, List.class, "an array");
            }

            Map<String, String> stringMap(String name) {
                Fields map = object(name);
                Map<String, String> result = new LinkedHashMap<>();
                for (String key : map.values.keySet()) {
                    result.put(key, map.string(key));
                }
                return result;
            }

            List<Integer> integers(String name) {
                return elements(name, Integer.class, "an integer");
            }

            List<String> strings(String name) {
                return elements(name, String.class, "a string");
            }

            private <T> List<T> elements(String name, Class<T> type, String kind) {
                List<T> result = new ArrayList<>();
                List<Object> elements = array(name);
                for (int i = 0; i < elements.size(); i++) {
                    if (!type.isInstance(elements.get(i))) {
                        throw error(path.member(name).element(i), "must be " + kind);
                    }
                    result.add(type.cast(elements.get(i)));
                }
                return result;
            }
        }
    }

    /**
     * Where a value sits, as {@code $.http.port}; spelled out only for an error message, so that
     * reading a good file builds no strings.
     */
    private static final class JsonPath {
        static final JsonPath ROOT = new JsonPath(null, "$", -1);

        private final JsonPath parent;
        private final String member;
        private final int index;

        private JsonPath(JsonPath parent, String member, int index) {
            this.parent = parent;
            this.member = member;
            this.index = index;
        }

        JsonPath member(String name) {
            return new JsonPath(this, name, -1);
        }

        JsonPath element(int position) {
            return new JsonPath(this, null, position);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return member;
            }
            return member != null ? parent + "." + member : parent + "[" + index + "]";
        }
    }
}
