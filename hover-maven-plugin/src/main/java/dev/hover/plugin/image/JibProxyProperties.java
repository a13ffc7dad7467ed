package dev.hover.plugin.image;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.network.ProxyServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jib's HTTP client finds its proxy through the JVM's proxy selector and the proxy's credentials in
 * system properties, and takes no proxy otherwise; so Maven's proxies are handed to it there, as
 * Jib's Maven plugin does, for as long as Hover's image work lasts, and the JVM's properties are
 * restored afterwards. A scheme whose proxy the user set in the JVM ({@code -Dhttps.proxyHost=…}) keeps it.
 *
 * <p>The JVM has one list of non-proxy hosts for both schemes ({@code http.nonProxyHosts}): it gets
 * every active proxy's. When that list is not empty, the JVM also reaches {@code localhost} and
 * {@code 127.*} directly, whatever it says; when Maven's settings name no non-proxy host, every
 * host goes through the proxy, loopback too, as Maven's own downloads do.
 */
final class JibProxyProperties implements AutoCloseable {
    private static final List<String> SCHEMES = List.of("http", "https");
    private static final List<String> KEYS = List.of("proxyHost", "proxyPort", "proxyUser", "proxyPassword");
    private static final String NON_PROXY_HOSTS = "http.nonProxyHosts";

    /** Parallel module builds share the JVM: the first to start sets the properties, the last to end restores them. */
    private static final Object LOCK = new Object();
    private static int holders;
    private static Map<String, Optional<String>> replaced = Map.of();

    private JibProxyProperties() {
    }

    static JibProxyProperties apply(Proxies proxies) {
        synchronized (LOCK) {
            if (holders++ == 0 && !proxies.isEmpty()) {
                Map<String, String> properties = properties(proxies);
                Map<String, Optional<String>> previous = new LinkedHashMap<>();
                properties.forEach((key, value) -> previous.put(key, Optional.ofNullable(System.setProperty(key, value))));
                replaced = previous;
            }
            return new JibProxyProperties();
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (--holders == 0) {
                replaced.forEach((key, value) -> value.ifPresentOrElse(v -> System.setProperty(key, v),
                        () -> System.clearProperty(key)));
                replaced = Map.of();
            }
        }
    }

    /** The system properties that give Jib Maven's proxies, leaving alone what the user set. */
    static Map<String, String> properties(Proxies proxies) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String scheme : SCHEMES) {
            if (KEYS.stream().anyMatch(key -> System.getProperty(scheme + "." + key) != null)) {
                continue;
            }
            proxies.forScheme(scheme).ifPresent(proxy -> {
                properties.put(scheme + ".proxyHost", proxy.host());
                properties.put(scheme + ".proxyPort", String.valueOf(proxy.port()));
                proxy.username().ifPresent(user -> properties.put(scheme + ".proxyUser", user));
                proxy.password().ifPresent(password -> properties.put(scheme + ".proxyPassword", password));
            });
        }
        if (!properties.isEmpty() && System.getProperty(NON_PROXY_HOSTS) == null) {
            properties.put(NON_PROXY_HOSTS, proxies.active().stream().map(ProxyServer::nonProxyHosts)
                    .flatMap(List::stream).distinct().collect(Collectors.joining("|")));
        }
        return properties;
    }
}
