package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image works: its layers unpacked into a directory, its entry point (with {@code /var/task}
 * moved there and this machine's java) runs under AWS's Runtime Interface Emulator, and an HTTP
 * event gets the sample application's answer.
 */
class ImageRunsUnderRieTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = """
            {"version": "2.0", "routeKey": "$default", "rawPath": "/hello", "rawQueryString": "",
             "headers": {"host": "example.com", "user-agent": "test"},
             "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "example.com",
               "http": {"method": "GET", "path": "/hello", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                        "userAgent": "test"},
               "requestId": "request-1", "routeKey": "$default", "stage": "$default", "time": "26/Nov/2026:18:00:00 +0000",
               "timeEpoch": 1795716000000},
             "isBase64Encoded": false}
            """;

    @TempDir
    Path dir;

    @Test
    void answersAnHttpEventWithTheSampleApplication() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("project"), freePort());
        // the runtime decrypts secrets with KMS, which this test does not stand up
        Files.delete(project.directory.resolve(".hover/staging-secrets.env"));
        String baseImage = TestImages.baseTar(Files.createDirectories(dir.resolve("base")));
        Path tar = dir.resolve("build/image.tar");
        BuildDescriptor build = new ImageBuildService(new RecordingLog()).build(new ImageBuildService.Request(
                project.manifest(baseImage), project.manifestFile,
                project.files(TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")))),
                dir.resolve("build"), dir.resolve("cache"), new LastBuild(dir.resolve("last-build")), id -> ImageTarget.tar(tar, "demo-staging:rie"),
                "20261126T180000Z-eeeeee", Instant.now(), Optional.empty(), Optional.empty(), false)).descriptor();

        Path root = dir.resolve("rootfs");
        OciLayout.unpackTar(tar, dir.resolve("layout")).unpackLayers(root);
        String taskRoot = root.resolve("var/task").toString();
        List<String> command = build.image().entrypoint().stream()
                .map(argument -> argument.replace(ImageLayout.TASK_ROOT, taskRoot))
                .toList();
        List<String> bootstrap = new java.util.ArrayList<>(command);
        bootstrap.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());

        try (EmulatedFunction function = LocalAws.rie().start(bootstrap, Map.of(
                "LAMBDA_TASK_ROOT", taskRoot,
                "HOVER_FUNCTION_TYPE", "http",
                "HOVER_STAGE", "staging",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "30"))) {
            JsonNode response = JSON.readTree(function.invoke(EVENT));

            assertThat(response.get("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(response.get("body").asText()).isEqualTo("Hello from the sample app at /hello");
            assertThat(function.output()).contains("cold start of demo-staging build 20261126T180000Z-eeeeee");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
