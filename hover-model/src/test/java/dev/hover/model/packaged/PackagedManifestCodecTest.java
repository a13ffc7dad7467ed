package dev.hover.model.packaged;

import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackagedManifestCodecTest {

    private static PackagedManifest sample() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ZED", "last? no, first");
        environment.put("APP_URL", "https://example.com/ünïcode \"quoted\"");
        Map<String, QueueFunction> queues = new LinkedHashMap<>();
        queues.put("mail", new QueueFunction("mail", 512, 60, OptionalInt.of(5), 4, List.of(10, 30), List.of("mail", "bulk")));
        queues.put("default", new QueueFunction("default", 1024, 120, OptionalInt.empty(), 3, List.of(0), List.of("default")));
        return new PackagedManifest("staging", "shop-staging", "20261126-1740-abc123", environment, "com.example.App",
                new PackagedManifest.Http(8080, "/health", 3, 30, List.of("/", "/api/items?page=2"), 7),
                List.of(new ScheduleEntry("*/5 * * * *", "report:send --daily")), queues);
    }

    private static String text(PackagedManifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackagedManifestCodec.write(manifest, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PackagedManifest parse(String text) throws IOException {
        return PackagedManifestCodec.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "stage.properties");
    }

    /** The sample's file with one line replaced, or removed when the replacement is null. */
    private static String withLine(String prefix, String replacement) throws IOException {
        StringBuilder edited = new StringBuilder();
        for (String line : text(sample()).split("\n")) {
            if (!line.startsWith(prefix)) {
                edited.append(line).append('\n');
            } else if (replacement != null) {
                edited.append(replacement).append('\n');
            }
        }
        return edited.toString();
    }

    @Test
    void roundTripsEveryFieldAndKeepsOrder() throws IOException {
        PackagedManifest manifest = sample();

        PackagedManifest read = parse(text(manifest));

        assertThat(read).isEqualTo(manifest);
        assertThat(read.environment().keySet()).containsExactly("ZED", "APP_URL");
        assertThat(read.queues().keySet()).containsExactly("mail", "default");
        assertThat(read.http().prime()).containsExactly("/", "/api/items?page=2");
    }

    @Test
    void writesAVersionedReadableFileTheSameWayEachTime() throws IOException {
        String text = text(sample());

        assertThat(text).startsWith("# Hover's packaged manifest").contains("format=2\n", "mainClass=com.example.App\n",
                "environment.1.name=ZED\n", "environment.2.value=https\\://example.com/ünïcode \"quoted\"\n",
                "queues.1.concurrency=5\n", "http.prime.2=/api/items?page\\=2\n");
        assertThat(text).doesNotContain("queues.2.concurrency");
        assertThat(text(sample())).isEqualTo(text);
    }

    /** A JVM with hover-model's classes and nothing else on its class path (no Jackson) reads the file. */
    @Test
    void readsWithTheJdkAlone(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("stage.properties");
        PackagedManifestCodec.write(sample(), file);
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/classes" + java.io.File.pathSeparator + "target/test-classes",
                ReadPackagedManifest.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(reader.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("com.example.App with 2 variables and 2 queue functions\n");
    }

    @Test
    void namesTheMissingEntry() throws IOException {
        String text = withLine("http.readinessPath=", null);

        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(PackagedManifestException.class)
                .hasMessage("stage.properties: http.readinessPath is missing");
    }

    @Test
    void namesAMalformedNumber() throws IOException {
        String text = withLine("queues.1.backoff.2=", "queues.1.backoff.2=thirty");

        assertThatThrownBy(() -> parse(text)).hasMessage("stage.properties: queues.1.backoff.2 must be a whole number, "
                + "found 'thirty'");
    }

    @Test
    void refusesANewerFormat() throws IOException {
        assertThatThrownBy(() -> parse(withLine("format=", "format=3")))
                .hasMessageContaining("format is 3, this runtime reads format 2");
    }

    @Test
    void reportsABrokenEscape() {
        assertThatThrownBy(() -> parse("format=2\nstage=\\uZZZZ\n"))
                .isInstanceOf(PackagedManifestException.class)
                .hasMessageStartingWith("stage.properties: not a valid properties file:");
    }
}
