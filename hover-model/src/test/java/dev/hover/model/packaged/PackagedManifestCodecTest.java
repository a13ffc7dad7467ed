package dev.hover.model.packaged;

import dev.hover.model.HttpFunction;
import dev.hover.model.QueueFunction;
import dev.hover.model.ScheduleEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private static String json(PackagedManifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackagedManifestCodec.write(manifest, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PackagedManifest parse(String json) throws IOException {
        return PackagedManifestCodec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "stage.json");
    }

    @Test
    void roundTripsEveryFieldAndKeepsOrder() throws IOException {
        PackagedManifest manifest = sample();

        PackagedManifest read = parse(json(manifest));

        assertThat(read).isEqualTo(manifest);
        assertThat(read.environment().keySet()).containsExactly("ZED", "APP_URL");
        assertThat(read.queues().keySet()).containsExactly("mail", "default");
    }

    @Test
    void writesAVersionedReadableFile() throws IOException {
        String json = json(sample());

        assertThat(json).contains("\"format\" : 1", "\"mainClass\" : \"com.example.App\"", "\"concurrency\" : 5");
    }

    @Test
    void aFileWrittenBeforePrimingPrimesTheReadinessPathOnly() throws IOException {
        String json = "{\"format\":1,\"stage\":\"dev\",\"name\":\"a-dev\",\"buildId\":\"b\",\"mainClass\":\"M\","
                + "\"environment\":{},\"http\":{\"port\":8080,\"readinessPath\":\"/up\",\"warm\":1,\"readyTimeoutSeconds\":5},"
                + "\"schedule\":[],\"queues\":{}}";

        PackagedManifest.Http http = parse(json).http();

        assertThat(http.prime()).isEmpty();
        assertThat(http.primeRounds()).isEqualTo(HttpFunction.DEFAULT_PRIME_ROUNDS);
    }

    @Test
    void namesTheMissingField() {
        String json = "{\"format\":1,\"stage\":\"dev\",\"name\":\"a-dev\",\"buildId\":\"b\",\"mainClass\":\"M\","
                + "\"environment\":{},\"http\":{\"port\":8080,\"warm\":1,\"readyTimeoutSeconds\":5},"
                + "\"schedule\":[],\"queues\":{}}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(PackagedManifestException.class)
                .hasMessage("stage.json: $.http.readinessPath is missing");
    }

    @Test
    void namesAWronglyTypedElement() {
        String json = "{\"format\":1,\"stage\":\"dev\",\"name\":\"a-dev\",\"buildId\":\"b\",\"mainClass\":\"M\","
                + "\"environment\":{\"A\":1},\"http\":{},\"schedule\":[],\"queues\":{}}";

        assertThatThrownBy(() -> parse(json)).hasMessage("stage.json: $.environment.A must be a string");
    }

    @Test
    void refusesANewerFormat() {
        assertThatThrownBy(() -> parse("{\"format\":2}"))
                .hasMessageContaining("$.format is 2, this runtime reads format 1 or older");
    }

    @Test
    void reportsBrokenJsonWithItsLine() {
        assertThatThrownBy(() -> parse("{\n\"format\": 1,\n\"stage\": }"))
                .isInstanceOf(PackagedManifestException.class)
                .hasMessageStartingWith("stage.json: not valid JSON:")
                .hasMessageEndingWith("at line 3");
    }
}
