package dev.hover.plugin.aws;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.network.ProxyServer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The AWS clients' connections when Maven's settings name proxies: each address through the proxy
 * {@link Proxies#forAddress} chooses for it (so {@code http} and {@code https} endpoints may use
 * different ones, and non-proxy hosts go direct), not through what the JVM's own proxy settings say.
 * The SDK's own proxy configuration takes a single proxy for every address.
 */
final class ProxiedConnections implements UrlConnectionFactory {
    private final Proxies proxies;
    private final Duration connectionTimeout;
    private final Duration socketTimeout;

    ProxiedConnections(Proxies proxies, Duration connectionTimeout, Duration socketTimeout) {
        this.proxies = proxies;
        this.connectionTimeout = connectionTimeout;
        this.socketTimeout = socketTimeout;
    }

    @Override
    public HttpURLConnection createConnection(URI address) {
        Optional<ProxyServer> proxy = proxies.forAddress(address);
        try {
            HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection(proxy
                    .map(p -> new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())))
                    .orElse(Proxy.NO_PROXY));
            connection.setConnectTimeout((int) connectionTimeout.toMillis());
            connection.setReadTimeout((int) socketTimeout.toMillis());
            proxy.filter(p -> p.username().isPresent()).ifPresent(p -> authenticate(connection, address, p));
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a connection to " + address, e);
        }
    }

    /**
     * A plain-HTTP request carries the proxy's credentials from the start: the SDK streams its
     * bodies, so a request could not be sent again after the proxy's 407. Through an HTTPS tunnel
     * that header would reach AWS: there the JDK answers the proxy's challenge instead (which, for
     * Basic, needs {@code -Djdk.http.auth.tunneling.disabledSchemes=} in {@code MAVEN_OPTS}).
     */
    private static void authenticate(HttpURLConnection connection, URI address, ProxyServer proxy) {
        String username = proxy.username().orElseThrow();
        String password = proxy.password().orElse("");
        if ("http".equalsIgnoreCase(address.getScheme())) {
            String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            connection.setRequestProperty("Proxy-Authorization", "Basic " + token);
        }
        connection.setAuthenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(username, password.toCharArray()) : null;
            }
        });
    }
}
