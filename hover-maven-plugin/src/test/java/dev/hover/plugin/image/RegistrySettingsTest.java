package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.network.OfflineException;
import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.network.ProxyServer;
import dev.hover.plugin.network.ServerCredential;
import dev.hover.testsupport.ForwardingProxy;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.LocalRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Maven's settings as the image build applies them, against Debian's docker-registry: a proxy on
 * loopback that forwards and counts requests, non-proxy hosts, a {@code <server>} logging in to a
 * registry that wants a password (htpasswd), and {@code -o}.
 */
@ExtendWith(CredentialsOverPlainHttp.class)
class RegistrySettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A name only the proxy resolves: a push to it that arrives went through the proxy. */
    private static final String PROXIED_HOST = "registry.hover.test";

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static String baseImage;
    static List<Dependency> runtime;
    static ForwardingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalAws.registry();
        baseImage = TestImages.pushBase(Files.createDirectories(dir.resolve("base")),
                registry.hostPort() + "/hover-test/settings-base:1");
        runtime = TestRuntime.dependencies(Files.createDirectories(dir.resolve("runtime")));
        proxy = ForwardingProxy.start(Optional.empty(), Map.of(PROXIED_HOST, "127.0.0.1"));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void pushesThroughTheProxyOfMavensSettingsAndRestoresTheJvmsProxySettings() throws Exception {
        String target = PROXIED_HOST + ":" + port(registry) + "/hover-test/proxied";
        int before = proxy.requests().size();

        ImageBuildService.Built built = build("proxied", network(proxySettings(List.of()), List.of(), false),
                id -> ImageTarget.registry(target + ":" + id, Optional.empty()));

        List<String> forwarded = proxy.requests().subList(before, proxy.requests().size());
        assertThat(forwarded).anyMatch(request -> request.startsWith("PUT http://" + PROXIED_HOST))
                .anyMatch(request -> request.contains("/v2/hover-test/settings-base/manifests/1"));
        String pushed = JSON.readTree(registry.skopeo("inspect",
                registry.imageReference("hover-test/proxied:" + built.descriptor().buildId()))).get("Digest").asText();
        assertThat(pushed).isEqualTo(built.descriptor().output().digest());
        assertThat(System.getProperty("http.proxyHost")).as("restored").isNull();
        assertThat(System.getProperty("http.nonProxyHosts")).as("restored").isNull();
    }

    @Test
    void givesJibTheProxysCredentialsForAnHttpsRegistry() throws Exception {
        LocalRegistry https = LocalAws.registryWithTls();
        try (ForwardingProxy guarded = ForwardingProxy.start(Optional.of("builder:proxy-password"),
                Map.of(PROXIED_HOST, "127.0.0.1"))) {
            Proxies proxies = new Proxies(List.of(new ProxyServer("https", "127.0.0.1", guarded.port(), Optional.of("builder"),
                    Optional.of("proxy-password"), List.of("127.0.0.1"))));
            String target = PROXIED_HOST + ":" + port(https) + "/hover-test/guarded";

            ImageBuildService.Built built = build("guarded", network(proxies, List.of(), false),
                    id -> ImageTarget.registry(target + ":" + id, Optional.empty()));

            assertThat(guarded.refused()).as("the proxy asked for credentials").isNotEmpty();
            assertThat(guarded.requests()).as("each tunnel opened with them").isNotEmpty()
                    .allMatch(request -> request.equals("CONNECT " + target.substring(0, target.indexOf('/'))));
            assertThat(https.skopeo("inspect", https.imageReference("hover-test/guarded:" + built.descriptor().buildId())))
                    .contains(built.descriptor().output().digest());
            assertThat(System.getProperty("https.proxyUser")).as("restored").isNull();
        }
    }

    @Test
    void reachesNonProxyHostsDirectly() throws Exception {
        int before = proxy.requests().size();

        ImageBuildService.Built built = build("direct", network(proxySettings(List.of("localhost", "127.0.0.*")), List.of(), false),
                id -> ImageTarget.registry(registry.hostPort() + "/hover-test/direct:" + id, Optional.empty()));

        assertThat(proxy.requests().subList(before, proxy.requests().size())).isEmpty();
        assertThat(registry.skopeo("inspect", registry.imageReference("hover-test/direct:" + built.descriptor().buildId())))
                .contains(built.descriptor().output().digest());
    }

    @Test
    void logsInToARegistryWithTheServerOfMavensSettingsWhoseIdIsTheRegistrysHost() throws Exception {
        LocalRegistry withPassword = LocalAws.registryWithPassword();
        String target = withPassword.hostPort() + "/hover-test/private";
        ServerCredential server = new ServerCredential("127.0.0.1", LocalRegistry.USER, LocalRegistry.PASSWORD);

        ImageBuildService.Built built = build("private", network(Proxies.none(), List.of(server), false),
                id -> ImageTarget.registry(target + ":" + id, Optional.empty()));

        String inspected = withPassword.skopeo("inspect", "--creds", LocalRegistry.USER + ":" + LocalRegistry.PASSWORD,
                withPassword.imageReference("hover-test/private:" + built.descriptor().buildId()));
        assertThat(inspected).contains(built.descriptor().output().digest());
        assertThatThrownBy(() -> build("private-without-server", NetworkSettings.none(),
                id -> ImageTarget.registry(target + ":" + id, Optional.empty())))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("The registry refused the credentials for " + target);
    }

    @Test
    void offlineBuildsFromJibsCacheAndPushesNowhere() throws Exception {
        NetworkSettings offline = network(Proxies.none(), List.of(), true);
        // online first: Jib keeps the base image in its cache
        build("offline", NetworkSettings.none(), id -> tar("online", id));

        ImageBuildService.Built built = build("offline", offline, id -> tar("offline", id));

        assertThat(Path.of(built.descriptor().output().location())).isRegularFile();
        assertThatThrownBy(() -> build("offline", offline,
                id -> ImageTarget.registry(registry.hostPort() + "/hover-test/offline:" + id, Optional.empty())))
                .isInstanceOf(OfflineException.class)
                .hasMessage("Maven is offline (-o), and the image goes to the registry " + registry.hostPort()
                        + "/hover-test/offline:20261201T230000Z-aaaaaa (without hover.image, hover:build writes it as a tar):"
                        + " run it without -o (--offline)");
    }

    @Test
    void anOfflineBuildSaysWhenTheBaseImageIsNotInJibsCache() throws Exception {
        SampleProject project = SampleProject.create(dir.resolve("uncached"), 8080);
        String uncached = registry.hostPort() + "/hover-test/never-pulled:1";

        assertThatThrownBy(() -> build(project, uncached, network(Proxies.none(), List.of(), true), id -> tar("uncached", id)))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageStartingWith("Maven is offline (-o), and the base image " + uncached + " is not in Jib's cache")
                .hasMessageEndingWith("perhaps you should build once without -o, which keeps its layers in Jib's cache");
    }

    private static Proxies proxySettings(List<String> nonProxyHosts) {
        return new Proxies(List.of(new ProxyServer("http", "127.0.0.1", proxy.port(), Optional.empty(), Optional.empty(),
                nonProxyHosts)));
    }

    private static NetworkSettings network(Proxies proxies, List<ServerCredential> servers, boolean offline) {
        return new NetworkSettings(proxies, servers, offline);
    }

    private static String port(LocalRegistry registry) {
        return registry.hostPort().substring(registry.hostPort().lastIndexOf(':') + 1);
    }

    private static ImageTarget tar(String name, String buildId) {
        return ImageTarget.tar(dir.resolve("tars").resolve(name + "-" + buildId + ".tar"), "hover-test/" + name + ":" + buildId);
    }

    private static ImageBuildService.Built build(String name, NetworkSettings network, Function<String, ImageTarget> target)
            throws Exception {
        return build(SampleProject.create(dir.resolve(name + "-" + System.nanoTime()), 8080), baseImage, network, target);
    }

    private static ImageBuildService.Built build(SampleProject project, String base, NetworkSettings network,
                                                 Function<String, ImageTarget> target) {
        Path buildDirectory = project.directory.resolve("target/hover/staging");
        return new ImageBuildService(new RecordingLog(), network).build(new ImageBuildService.Request(
                project.manifest(base), project.manifestFile, project.files(runtime), buildDirectory,
                project.directory.resolve("target/hover/cache"), ImageBuildServiceTarTest.remembered(buildDirectory),
                target, "20261201T230000Z-aaaaaa", Instant.parse("2026-12-01T23:00:00Z"), Optional.empty(),
                Optional.empty(), true));
    }
}
