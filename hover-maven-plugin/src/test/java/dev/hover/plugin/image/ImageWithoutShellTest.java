package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.aws.KmsKeys;
import dev.hover.plugin.image.archive.ArchiveChoice;
import dev.hover.plugin.secrets.StageKey;
import dev.hover.plugin.secrets.StageSecrets;
import dev.hover.secrets.StageBinding;
import dev.hover.testsupport.EmulatedFunction;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage with secrets on a base image without a shell (as distroless's Java images are): the
 * image's own entry point, unchanged, run in the image's file system alone under aws-lambda-rie —
 * {@code unshare} gives it a user namespace in which it is root, a root directory of the unpacked
 * layers and a {@code /proc} of its own (Lambda's containers have one; the dynamic loader needs it
 * for {@code $ORIGIN}). The launcher decrypts the secret with moto's KMS and execs the JVM, whose
 * application sees it. The shell entry point before the launcher could not start there at all.
 */
class ImageWithoutShellTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SampleProject's plain secrets file. */
    private static final String SECRET = "plain-secret";

    @TempDir
    Path dir;

    @Test
    void aStageWithSecretsStartsOnABaseImageWithoutAShell() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("project"), freePort());
        // the application says how long its secret is and what HOVER_SECRETS names, never the value
        project.compile(project.classes, Map.of("demo/Greeting.java", """
                package demo;
                public class Greeting {
                    public static String text() {
                        return "API_KEY of " + System.getenv("API_KEY").length() + " characters, HOVER_SECRETS="
                                + System.getenv("HOVER_SECRETS");
                    }
                }
                """));
        encryptWithMoto(project);
        String baseImage = TestImages.baseTarWithJvmAndNoShell(Files.createDirectories(dir.resolve("base")));
        Path tar = dir.resolve("build/image.tar");
        BuildDescriptor build = new ImageBuildService(new RecordingLog()).build(new ImageBuildService.Request(
                project.manifest(baseImage), project.manifestFile,
                project.files(TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")))),
                dir.resolve("build"), dir.resolve("cache"), new LastBuild(dir.resolve("last-build")),
                id -> ImageTarget.tar(tar, "demo-staging:no-shell"), "20261202T020000Z-5a5a5a", Instant.now(),
                Optional.of(TestImages.JAVA), Optional.empty(), false, ArchiveChoice.NONE)).descriptor();

        Path root = dir.resolve("rootfs");
        OciLayout.unpackTar(tar, dir.resolve("layout")).unpackLayers(root);
        assertThat(root.resolve("bin")).doesNotExist();
        assertThat(root.resolve("usr/bin")).doesNotExist();
        // what Lambda mounts in every container: a writable /tmp, and /proc
        Files.createDirectories(root.resolve("tmp"));
        Files.createDirectories(root.resolve("proc"));
        List<String> command = new ArrayList<>(List.of("unshare", "--map-root-user", "--mount", "--pid", "--fork",
                "--kill-child", "--mount-proc", "--root=" + root, "--wd=" + ImageLayout.TASK_ROOT));
        command.addAll(build.image().entrypoint());
        Map<String, String> environment = new HashMap<>(build.image().environment());
        environment.remove("PATH");
        environment.putAll(LocalAws.moto().environment());
        environment.putAll(Map.of("HOVER_FUNCTION_TYPE", "http", "HOVER_STAGE", "staging", "AWS_LAMBDA_FUNCTION_TIMEOUT", "30"));

        try (EmulatedFunction function = LocalAws.rie().start(command, environment)) {
            JsonNode response = JSON.readTree(function.invoke(ArchivedImageUnderRie.EVENT));

            assertThat(response.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(response.get("body").asText())
                    .isEqualTo("API_KEY of " + SECRET.length() + " characters, HOVER_SECRETS=API_KEY at /hello");
            assertThat(function.output()).contains("secrets of demo-staging: 1 decrypted in ")
                    .doesNotContain(SECRET);
        }
    }

    /** hover:secret-encrypt's own code, against moto: the stage key, then the plain file sealed and deleted. */
    private static void encryptWithMoto(SampleProject project) throws Exception {
        LocalAws.moto().applyToSystemProperties();
        try (KmsClient kms = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             StsClient sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            KmsKeys keys = new KmsKeys(kms);
            new StageSecrets(project.directory.resolve(".hover"), new StageBinding("demo-staging", "staging"), keys,
                    new StageKey(keys, () -> sts.getCallerIdentity().arn()), line -> { }).encrypt();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
