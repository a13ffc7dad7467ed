package dev.hover.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalRegistry registry = LocalAws.registry();

    @TempDir
    Path layout;

    @Test
    void servesTheRegistryApiOnLoopback() throws Exception {
        assertThat(registry.hostPort()).startsWith("127.0.0.1:");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + registry.hostPort() + "/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void takesAnImageAndGivesItBackThroughSkopeo() throws Exception {
        writeOciLayout("v1");

        registry.skopeo("copy", "oci:" + layout + ":v1", registry.imageReference("hover/probe:v1"));

        assertThat(registry.skopeo("list-tags", registry.imageReference("hover/probe"))).contains("\"v1\"");
        assertThat(registry.skopeo("inspect", "--config", registry.imageReference("hover/probe:v1")))
                .contains("/bootstrap", "HOVER_PROBE=yes");
    }

    @Test
    void failsWithSkopeosComplaint() {
        assertThatThrownBy(() -> registry.skopeo("inspect", registry.imageReference("hover/absent:v1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with")
                .hasMessageContaining("hover/absent");
    }

    /** A one-layer image (the layer is an empty tar) in OCI layout, written by hand to need no image tool. */
    private void writeOciLayout(String tag) throws Exception {
        byte[] emptyTar = new byte[1024];
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(emptyTar);
        }
        byte[] layer = gzipped.toByteArray();
        byte[] config = JSON.writeValueAsBytes(Map.of(
                "architecture", "amd64",
                "os", "linux",
                "config", Map.of("Entrypoint", List.of("/bootstrap"), "Env", List.of("HOVER_PROBE=yes")),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of(digest(emptyTar)))));
        byte[] manifest = JSON.writeValueAsBytes(Map.of(
                "schemaVersion", 2,
                "mediaType", "application/vnd.oci.image.manifest.v1+json",
                "config", descriptor("application/vnd.oci.image.config.v1+json", writeBlob(config), config.length),
                "layers", List.of(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", writeBlob(layer), layer.length))));
        Map<String, Object> manifestDescriptor = Map.of(
                "mediaType", "application/vnd.oci.image.manifest.v1+json",
                "digest", writeBlob(manifest),
                "size", manifest.length,
                "annotations", Map.of("org.opencontainers.image.ref.name", tag));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.write(layout.resolve("index.json"),
                JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "manifests", List.of(manifestDescriptor))));
    }

    private static Map<String, Object> descriptor(String mediaType, String digest, int size) {
        return Map.of("mediaType", mediaType, "digest", digest, "size", size);
    }

    private String writeBlob(byte[] content) throws Exception {
        String digest = digest(content);
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.write(blobs.resolve(digest.substring("sha256:".length())), content);
        return digest;
    }

    private static String digest(byte[] content) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
