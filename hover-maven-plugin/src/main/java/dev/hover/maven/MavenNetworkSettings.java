package dev.hover.maven;

import dev.hover.model.HoverException;
import dev.hover.plugin.network.NetworkSettings;
import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.network.ProxyServer;
import dev.hover.plugin.network.ServerCredential;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Maven's settings ({@code settings.xml}) as Hover's AWS clients and Jib take them: the active
 * proxies and every {@code <server>} with a user name, passwords decrypted through Maven's
 * {@link SettingsDecrypter} ({@code mvn --encrypt-password}), and the session's offline mode.
 */
final class MavenNetworkSettings {
    private MavenNetworkSettings() {
    }

    /**
     * @param settings Maven's settings; {@code null} when there are none
     * @param warnings gets one line per server whose password cannot be decrypted (it is left out:
     *                 the server may be a repository's, not a registry's)
     * @throws SettingsException when an active proxy's password cannot be decrypted
     */
    static NetworkSettings of(Settings settings, SettingsDecrypter decrypter, boolean offline,
                              Consumer<String> warnings) {
        if (settings == null) {
            return new NetworkSettings(Proxies.none(), List.of(), offline);
        }
        List<Proxy> active = settings.getProxies().stream().filter(Proxy::isActive).toList();
        List<ProxyServer> proxies = new ArrayList<>();
        if (!active.isEmpty()) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest().setProxies(active));
            problem(result).ifPresent(problem -> {
                throw new SettingsException("settings.xml: the password of an active proxy cannot be decrypted ("
                        + problem + "); perhaps you should encrypt it again with mvn --encrypt-password, with the master"
                        + " password of settings-security.xml");
            });
            result.getProxies().forEach(proxy -> proxies.add(proxy(proxy)));
        }
        List<ServerCredential> servers = new ArrayList<>();
        for (Server server : settings.getServers()) {
            if (server.getUsername() == null || server.getUsername().isBlank()) {
                continue;
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            Optional<String> problem = problem(result);
            if (problem.isPresent()) {
                warnings.accept("settings.xml: the password of server " + server.getId() + " cannot be decrypted ("
                        + problem.get() + "): it is not used as a registry's credentials");
            } else {
                Server decrypted = result.getServer();
                servers.add(new ServerCredential(decrypted.getId(), decrypted.getUsername(),
                        Optional.ofNullable(decrypted.getPassword()).orElse("")));
            }
        }
        return new NetworkSettings(new Proxies(proxies), servers, offline);
    }

    private static ProxyServer proxy(Proxy proxy) {
        return new ProxyServer(proxy.getProtocol(), proxy.getHost(), proxy.getPort(),
                Optional.ofNullable(proxy.getUsername()).filter(u -> !u.isBlank()),
                Optional.ofNullable(proxy.getPassword()), ProxyServer.nonProxyHosts(proxy.getNonProxyHosts()));
    }

    /** Decryption passes plain passwords through: a problem is a real one. */
    private static Optional<String> problem(SettingsDecryptionResult result) {
        return result.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .map(SettingsProblem::getMessage)
                .findFirst();
    }

    /** Maven's settings cannot be used as they are. */
    static final class SettingsException extends HoverException {
        SettingsException(String message) {
            super(message);
        }
    }
}
