package dev.hover.plugin.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BuildStampsTest {
    private static final String BUILD_INFO = """
            build.artifact=shop
            build.group=com.example
            build.name=shop
            build.time=%s
            build.version=%s
            """;
    private static final String BOM = """
            {
              "bomFormat" : "CycloneDX",
              "specVersion" : "1.6",
              "serialNumber" : "urn:uuid:%s",
              "version" : 1,
              "metadata" : { "timestamp" : "%s", "component" : { "name" : "shop" } },
              "components" : [ { "name" : "%s", "version" : "6.2.12" } ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void buildInfoThatDiffersOnlyInItsBuildTimeHasTheSameHash() throws Exception {
        String first = hash("META-INF/build-info.properties", BUILD_INFO.formatted("2026-12-01T19\\:30\\:33.274Z", "1.0"));
        String again = hash("META-INF/build-info.properties", BUILD_INFO.formatted("2026-12-01T19\\:31\\:09.001Z", "1.0"));
        String newVersion = hash("META-INF/build-info.properties", BUILD_INFO.formatted("2026-12-01T19\\:31\\:09.001Z", "1.1"));

        assertThat(again).isEqualTo(first);
        assertThat(newVersion).isNotEqualTo(first);
    }

    @Test
    void aCycloneDxBomThatDiffersOnlyInItsSerialNumberAndTimestampHasTheSameHash() throws Exception {
        String path = "META-INF/sbom/application.cdx.json";
        String first = hash(path, BOM.formatted("7c09369f-8a07-3a15-9b7e-93ac0f8cea20", "2026-12-01T19:31:53Z", "spring-web"));
        String again = hash(path, BOM.formatted("0a1b2c3d-8a07-3a15-9b7e-93ac0f8cea20", "2026-12-01T19:32:10Z", "spring-web"));
        String otherComponent = hash(path, BOM.formatted("0a1b2c3d-8a07-3a15-9b7e-93ac0f8cea20", "2026-12-01T19:32:10Z", "spring-webmvc"));

        assertThat(again).isEqualTo(first);
        assertThat(otherComponent).isNotEqualTo(first);
    }

    @Test
    void anyOtherFileIsHashedWhole() throws Exception {
        String bomElsewhere = BOM.formatted("7c09369f-8a07-3a15-9b7e-93ac0f8cea20", "2026-12-01T19:31:53Z", "spring-web");
        String otherSerial = BOM.formatted("0a1b2c3d-8a07-3a15-9b7e-93ac0f8cea20", "2026-12-01T19:31:53Z", "spring-web");
        String notCycloneDx = "{\"serialNumber\":\"%s\"}";

        assertThat(hash("static/data.json", bomElsewhere)).isNotEqualTo(hash("static/data.json", otherSerial));
        assertThat(hash("META-INF/sbom/other.json", notCycloneDx.formatted("a")))
                .isNotEqualTo(hash("META-INF/sbom/other.json", notCycloneDx.formatted("b")));
        assertThat(hash("META-INF/sbom/broken.json", "{ not json")).isEqualTo(BuildInputs.sha256("{ not json".getBytes()));
        assertThat(hash("application.properties", "build.time=1\n")).isNotEqualTo(hash("application.properties", "build.time=2\n"));
    }

    private String hash(String relative, String content) throws Exception {
        Path file = dir.resolve("file-" + System.nanoTime());
        Files.writeString(file, content);
        return BuildStamps.contentHash(file, relative);
    }
}
