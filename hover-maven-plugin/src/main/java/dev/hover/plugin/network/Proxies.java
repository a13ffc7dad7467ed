package dev.hover.plugin.network;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The active proxies of Maven's settings, chosen for an address as Maven chooses one for a
 * repository: the first active proxy of the address's scheme that does not list the host among its
 * non-proxy hosts, and for {@code https} addresses the {@code http} proxy when there is no
 * {@code https} one.
 */
public record Proxies(List<ProxyServer> active) {
    public Proxies {
        active = List.copyOf(active);
    }

    public static Proxies none() {
        return new Proxies(List.of());
    }

    public boolean isEmpty() {
        return active.isEmpty();
    }

    /** The proxy that {@code address} goes through, or empty when it goes direct. */
    public Optional<ProxyServer> forAddress(URI address) {
        String scheme = Optional.ofNullable(address.getScheme()).orElse("http").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(address.getHost()).orElse("");
        Optional<ProxyServer> own = first(scheme, host);
        return own.isPresent() || !scheme.equals("https") ? own : first("http", host);
    }

    /** The first active proxy for addresses of {@code scheme}, falling back as {@link #forAddress} does. */
    public Optional<ProxyServer> forScheme(String scheme) {
        Optional<ProxyServer> own = active.stream().filter(p -> p.protocol().equals(scheme)).findFirst();
        return own.isPresent() || !scheme.equals("https") ? own : forScheme("http");
    }

    private Optional<ProxyServer> first(String protocol, String host) {
        return active.stream().filter(p -> p.protocol().equals(protocol) && !p.bypasses(host)).findFirst();
    }
}
