package dev.hover.plugin.network;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP proxy of Maven's settings ({@code <proxies>}): the scheme of the addresses it serves
 * ({@code <protocol>}, as Maven reads it), where it listens, its credentials (decrypted), and the
 * hosts reached without it.
 *
 * @param nonProxyHosts patterns as Maven writes them: a host name, or {@code *} standing for any
 *                      characters ({@code *.internal.example.com}); compared without case
 */
public record ProxyServer(String protocol, String host, int port, Optional<String> username,
                          Optional<String> password, List<String> nonProxyHosts) {
    public ProxyServer {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        protocol = protocol.toLowerCase(Locale.ROOT);
        nonProxyHosts = List.copyOf(nonProxyHosts);
    }

    /** Maven's {@code <nonProxyHosts>}: patterns separated by {@code |} (or by commas, which Maven accepts too). */
    public static List<String> nonProxyHosts(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of();
        }
        return Pattern.compile("[|,]").splitAsStream(setting).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether {@code target} is one of the hosts reached without this proxy. */
    public boolean bypasses(String target) {
        String name = target.toLowerCase(Locale.ROOT);
        return nonProxyHosts.stream().anyMatch(pattern -> glob(pattern).matcher(name).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return protocol + " proxy " + host + ":" + port + username.map(u -> " as " + u).orElse("");
    }
}
