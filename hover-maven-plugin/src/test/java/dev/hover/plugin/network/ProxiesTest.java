package dev.hover.plugin.network;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which proxy of Maven's settings an address goes through, as Maven chooses one for a repository. */
class ProxiesTest {
    private static ProxyServer proxy(String protocol, String host, String nonProxyHosts) {
        return new ProxyServer(protocol, host, 3128, Optional.empty(), Optional.empty(), ProxyServer.nonProxyHosts(nonProxyHosts));
    }

    private static Optional<String> via(Proxies proxies, String address) {
        return proxies.forAddress(URI.create(address)).map(ProxyServer::host);
    }

    @Test
    void eachSchemeTakesItsOwnProxyAndHttpsFallsBackToTheHttpOne() {
        Proxies both = new Proxies(List.of(proxy("http", "plain.example", null), proxy("HTTPS", "secure.example", null)));
        Proxies httpOnly = new Proxies(List.of(proxy("http", "plain.example", null)));
        Proxies httpsOnly = new Proxies(List.of(proxy("https", "secure.example", null)));

        assertThat(via(both, "http://sts.amazonaws.com/")).contains("plain.example");
        assertThat(via(both, "https://sts.amazonaws.com/")).contains("secure.example");
        assertThat(via(httpOnly, "https://sts.amazonaws.com/")).contains("plain.example");
        assertThat(via(httpsOnly, "http://127.0.0.1:5000/")).isEmpty();
        assertThat(via(Proxies.none(), "https://sts.amazonaws.com/")).isEmpty();
    }

    @Test
    void nonProxyHostsAreMavensPatternsSeparatedByBarsOrCommasWithoutCase() {
        Proxies proxies = new Proxies(List.of(proxy("http", "corp.example", "localhost | *.Internal.example,10.0.*")));

        assertThat(via(proxies, "http://LOCALHOST:8080/")).isEmpty();
        assertThat(via(proxies, "https://registry.internal.example/v2/")).isEmpty();
        assertThat(via(proxies, "http://10.0.3.4/")).isEmpty();
        assertThat(via(proxies, "https://internal.example.com/")).contains("corp.example");
        assertThat(via(proxies, "http://127.0.0.1:5000/")).as("no default exceptions, as in Maven").contains("corp.example");
    }

    @Test
    void theFirstProxyOfASchemeThatDoesNotExceptTheHostIsTaken() {
        Proxies proxies = new Proxies(List.of(proxy("http", "first.example", "*.eu.example"), proxy("http", "second.example", null)));

        assertThat(via(proxies, "http://s3.eu.example/")).contains("second.example");
        assertThat(via(proxies, "http://s3.us.example/")).contains("first.example");
    }

    @Test
    void anOfflineSessionRefusesWhatNeedsTheNetworkNamingMinusO() {
        NetworkSettings offline = new NetworkSettings(Proxies.none(), List.of(), true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.requireOnline("hover:logs calls AWS"))
                .isInstanceOf(OfflineException.class)
                .hasMessage("Maven is offline (-o), and hover:logs calls AWS: run it without -o (--offline)");
        NetworkSettings.none().requireOnline("hover:logs calls AWS");
    }

    @Test
    void aRegistrysServerIsFoundByItsHostWithThePortOrWithout() {
        ServerCredential exact = new ServerCredential("registry.example:5000", "a", "1");
        ServerCredential host = new ServerCredential("registry.example", "b", "2");

        assertThat(new NetworkSettings(Proxies.none(), List.of(host, exact), false).serverFor("registry.example:5000")).contains(exact);
        assertThat(new NetworkSettings(Proxies.none(), List.of(host), false).serverFor("registry.example:5000")).contains(host);
        assertThat(new NetworkSettings(Proxies.none(), List.of(exact), false).serverFor("registry.example")).isEmpty();
        assertThat(exact.toString()).doesNotContain("1]");
    }
}
