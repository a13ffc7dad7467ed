package dev.hover.maven;

import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.network.ProxyServer;
import dev.hover.plugin.network.ServerCredential;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * settings.xml as Hover reads it, passwords decrypted by Maven's own decrypter with a master
 * password in settings-security.xml, as {@code mvn --encrypt-master-password} and
 * {@code mvn --encrypt-password} write them.
 */
class MavenNetworkSettingsTest {
    private static final String MASTER = "the-master-password";
    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    private final List<String> warnings = new ArrayList<>();
    private SettingsDecrypter decrypter;

    @TempDir
    Path dir;

    @BeforeEach
    void masterPassword() throws Exception {
        Path security = Files.writeString(dir.resolve("settings-security.xml"), "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(MASTER, DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION)
                + "</master></settingsSecurity>");
        decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    private String encrypted(String password) throws Exception {
        return cipher.encryptAndDecorate(password, MASTER);
    }

    private static Proxy proxy(String id, boolean active, String protocol, String password) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setActive(active);
        proxy.setProtocol(protocol);
        proxy.setHost(id + ".example");
        proxy.setPort(3128);
        proxy.setUsername("me");
        proxy.setPassword(password);
        proxy.setNonProxyHosts("localhost|*.internal");
        return proxy;
    }

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    @Test
    void takesTheActiveProxiesAndTheServersWithTheirPasswordsDecrypted() throws Exception {
        Settings settings = new Settings();
        settings.addProxy(proxy("off", false, "http", "x"));
        settings.addProxy(proxy("corp", true, "https", encrypted("proxy-secret")));
        settings.addServer(server("registry.example:5000", "pusher", encrypted("registry-secret")));
        settings.addServer(server("plain.example", "reader", "in-clear"));
        settings.addServer(server("keys-only", null, null));

        NetworkSettings network = MavenNetworkSettings.of(settings, decrypter, true, warnings::add);

        assertThat(network.proxies().active()).containsExactly(new ProxyServer("https", "corp.example", 3128,
                Optional.of("me"), Optional.of("proxy-secret"), List.of("localhost", "*.internal")));
        assertThat(network.servers()).containsExactly(
                new ServerCredential("registry.example:5000", "pusher", "registry-secret"),
                new ServerCredential("plain.example", "reader", "in-clear"));
        assertThat(network.offline()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aServerWhosePasswordCannotBeDecryptedIsLeftOutWithAWarning() {
        Settings settings = new Settings();
        settings.addServer(server("registry.example", "pusher", "{not-what-the-master-password-encrypted}"));

        NetworkSettings network = MavenNetworkSettings.of(settings, decrypter, false, warnings::add);

        assertThat(network.servers()).isEmpty();
        assertThat(warnings).singleElement().asString()
                .startsWith("settings.xml: the password of server registry.example cannot be decrypted (")
                .endsWith("): it is not used as a registry's credentials");
    }

    @Test
    void anActiveProxyWhosePasswordCannotBeDecryptedFailsTheGoal() {
        Settings settings = new Settings();
        settings.addProxy(proxy("corp", true, "http", "{not-what-the-master-password-encrypted}"));

        assertThatThrownBy(() -> MavenNetworkSettings.of(settings, decrypter, false, warnings::add))
                .isInstanceOf(MavenNetworkSettings.SettingsException.class)
                .hasMessageStartingWith("settings.xml: the password of an active proxy cannot be decrypted (")
                .hasMessageEndingWith("perhaps you should encrypt it again with mvn --encrypt-password, with the master"
                        + " password of settings-security.xml");
    }

    @Test
    void noSettingsIsNoProxyAndNoServer() {
        assertThat(MavenNetworkSettings.of(null, decrypter, false, warnings::add)).isEqualTo(NetworkSettings.none());
    }
}
