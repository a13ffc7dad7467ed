package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Resources that build tools rewrite on every build with a stamp of that build although nothing
 * else in them changed: Spring Boot's {@code META-INF/build-info.properties} ({@code build.time})
 * and a CycloneDX JSON SBOM ({@code serialNumber}, {@code metadata.timestamp}). Their fingerprint
 * leaves the stamps out, so that an unchanged application is the same build; the image of a build
 * made again then carries the stamped copies of the build it repeats ({@link LastBuild}), so that it
 * is the same image too.
 */
final class BuildStamps {
    static final String BUILD_INFO = "META-INF/build-info.properties";
    private static final String BUILD_TIME = "build.time=";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private BuildStamps() {
    }

    /** Whether the resource at this path (relative to {@code target/classes}) may carry a build stamp. */
    static boolean mayBeStamped(String relative) {
        return relative.equals(BUILD_INFO) || relative.endsWith(".cdx.json") || relative.endsWith("bom.json")
                || (relative.startsWith("META-INF/sbom/") && relative.endsWith(".json"));
    }

    /**
     * The SHA-256 of the file's content without its build stamps; of all of it for any other file
     * (an SBOM that is not CycloneDX JSON, or not JSON at all, included).
     */
    static String contentHash(Path file, String relative) {
        byte[] content = read(file);
        if (relative.equals(BUILD_INFO)) {
            String withoutTime = new String(content, StandardCharsets.ISO_8859_1).lines()
                    .filter(line -> !line.startsWith(BUILD_TIME))
                    .collect(Collectors.joining("\n"));
            return BuildInputs.sha256(withoutTime.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (mayBeStamped(relative)) {
            try {
                JsonNode bom = JSON.readTree(content);
                if (bom instanceof ObjectNode object && "CycloneDX".equals(object.path("bomFormat").asText())) {
                    object.remove("serialNumber");
                    if (object.get("metadata") instanceof ObjectNode metadata) {
                        metadata.remove("timestamp");
                    }
                    return BuildInputs.sha256(JSON.writeValueAsBytes(object));
                }
            } catch (IOException notJson) {
                // hashed whole, below
            }
        }
        return BuildInputs.sha256(content);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
