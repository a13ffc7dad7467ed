package dev.hover.model.packaged;

import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Reads and writes {@code hover/stage.properties}: a {@link Properties} file, so the runtime reads
 * it with the JDK alone. The runtime reads it at every cold start before the application's
 * {@code main} may run, and the JSON it replaced cost that path ~130 jackson-core classes
 * (33–220 ms measured, docs/performance.md). Lists and maps are numbered entries
 * ({@code environment.count}, {@code environment.1.name}, {@code environment.1.value}, …) so that
 * their order survives; lines are written in a fixed order, so the same manifest gives the same
 * bytes (the image's stage layer stays reproducible).
 */
public final class PackagedManifestCodec {
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
        Lines lines = new Lines();
        lines.comment("Hover's packaged manifest (dev.hover.model.packaged): what the runtime reads at cold start");
        lines.put("format", PackagedManifest.FORMAT);
        lines.put("stage", manifest.stage());
        lines.put("name", manifest.name());
        lines.put("buildId", manifest.buildId());
        lines.put("mainClass", manifest.mainClass());
        lines.put("environment.count", manifest.environment().size());
        int index = 0;
        for (Map.Entry<String, String> variable : manifest.environment().entrySet()) {
            index++;
            lines.put("environment." + index + ".name", variable.getKey());
            lines.put("environment." + index + ".value", variable.getValue());
        }
        PackagedManifest.Http http = manifest.http();
        lines.put("http.port", http.port());
        lines.put("http.readinessPath", http.readinessPath());
        lines.put("http.warm", http.warm());
        lines.put("http.readyTimeoutSeconds", http.readyTimeoutSeconds());
        lines.list("http.prime", http.prime());
        lines.put("http.primeRounds", http.primeRounds());
        lines.put("schedule.count", manifest.schedule().size());
        index = 0;
        for (ScheduleEntry entry : manifest.schedule()) {
            index++;
            lines.put("schedule." + index + ".cron", entry.cron());
            lines.put("schedule." + index + ".command", entry.command());
        }
        lines.put("queues.count", manifest.queues().size());
        index = 0;
        for (QueueFunction queue : manifest.queues().values()) {
            String prefix = "queues." + ++index + ".";
            lines.put(prefix + "function", queue.function());
            lines.put(prefix + "memory", queue.memory());
            lines.put(prefix + "timeout", queue.timeout());
            if (queue.concurrency().isPresent()) {
                lines.put(prefix + "concurrency", queue.concurrency().getAsInt());
            }
            lines.put(prefix + "tries", queue.tries());
            lines.list(prefix + "backoff", queue.backoff());
            lines.list(prefix + "queues", queue.queues());
        }
        out.write(lines.text().getBytes(StandardCharsets.UTF_8));
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
        Properties properties = new Properties();
        try {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new PackagedManifestException(source + ": not a valid properties file: " + e.getMessage(), e);
        }
        return new Reader(properties, source).manifest();
    }

    /** Each entry formatted by {@link Properties} itself (its escapes), in the order given. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        void comment(String comment) {
            text.append("# ").append(comment).append('\n');
        }

        void put(String key, Object value) {
            Properties one = new Properties();
            one.setProperty(key, String.valueOf(value));
            StringWriter line = new StringWriter();
            try {
                one.store(line, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // store() begins with a comment line holding the date: left out, for reproducible bytes
            for (String stored : line.toString().split("\\R")) {
                if (!stored.startsWith("#") && !stored.isEmpty()) {
                    text.append(stored).append('\n');
                }
            }
        }

        void list(String key, List<?> values) {
            put(key + ".count", values.size());
            for (int i = 0; i < values.size(); i++) {
                put(key + "." + (i + 1), values.get(i));
            }
        }

        String text() {
            return text.toString();
        }
    }

    /** Takes the entries, checking each as it is taken. */
    private static final class Reader {
        private final Properties properties;
        private final String source;

        Reader(Properties properties, String source) {
            this.properties = properties;
            this.source = source;
        }

        PackagedManifest manifest() {
            int format = integer("format");
            if (format > PackagedManifest.FORMAT) {
                throw error("format", "is " + format + ", this runtime reads format " + PackagedManifest.FORMAT
                        + ": use the runtime of the plugin version that built the image");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            int variables = integer("environment.count");
            for (int i = 1; i <= variables; i++) {
                environment.put(string("environment." + i + ".name"), string("environment." + i + ".value"));
            }
            PackagedManifest.Http http = new PackagedManifest.Http(integer("http.port"), string("http.readinessPath"),
                    integer("http.warm"), integer("http.readyTimeoutSeconds"), strings("http.prime"),
                    integer("http.primeRounds"));
            List<ScheduleEntry> schedule = new ArrayList<>();
            int entries = integer("schedule.count");
            for (int i = 1; i <= entries; i++) {
                schedule.add(new ScheduleEntry(string("schedule." + i + ".cron"), string("schedule." + i + ".command")));
            }
            Map<String, QueueFunction> queues = new LinkedHashMap<>();
            int functions = integer("queues.count");
            for (int i = 1; i <= functions; i++) {
                String prefix = "queues." + i + ".";
                String function = string(prefix + "function");
                String concurrency = properties.getProperty(prefix + "concurrency");
                queues.put(function, new QueueFunction(function, integer(prefix + "memory"), integer(prefix + "timeout"),
                        concurrency == null ? OptionalInt.empty() : OptionalInt.of(integer(prefix + "concurrency")),
                        integer(prefix + "tries"), integers(prefix + "backoff"), strings(prefix + "queues")));
            }
            return new PackagedManifest(string("stage"), string("name"), string("buildId"), environment,
                    string("mainClass"), http, schedule, queues);
        }

        private String string(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw error(key, "is missing");
            }
            return value;
        }

        private int integer(String key) {
            String value = string(key);
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number, found '" + value + "'");
            }
        }

        private List<String> strings(String key) {
            List<String> values = new ArrayList<>();
            int count = integer(key + ".count");
            for (int i = 1; i <= count; i++) {
                values.add(string(key + "." + i));
            }
            return values;
        }

        private List<Integer> integers(String key) {
            List<Integer> values = new ArrayList<>();
            int count = integer(key + ".count");
            for (int i = 1; i <= count; i++) {
                values.add(integer(key + "." + i));
            }
            return values;
        }

        private PackagedManifestException error(String key, String problem) {
            return new PackagedManifestException(source + ": " + key + " " + problem);
        }
    }
}
