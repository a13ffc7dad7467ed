package dev.hover.plugin.aws;

import dev.hover.plugin.network.Proxies;
import dev.hover.plugin.network.ProxyServer;
import dev.hover.testsupport.ForwardingProxy;
import dev.hover.testsupport.LocalAws;
import dev.hover.testsupport.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every AWS call through the proxy of Maven's settings, with its credentials; non-proxy hosts direct (moto). */
class AwsClientsProxyTest {
    private static MotoServer moto;
    private static ForwardingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        moto = LocalAws.moto();
        moto.applyToSystemProperties();
        proxy = ForwardingProxy.start(Optional.of("deployer:proxy-password"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    private static Proxies proxies(String nonProxyHosts) {
        return new Proxies(List.of(new ProxyServer("http", "127.0.0.1", proxy.port(), Optional.of("deployer"),
                Optional.of("proxy-password"), ProxyServer.nonProxyHosts(nonProxyHosts))));
    }

    @Test
    void callsGoThroughTheProxyWithItsCredentials() {
        int before = proxy.requests().size();

        try (AwsClients clients = new AwsClients(MotoServer.REGION, DefaultCredentialsProvider.builder().build(), proxies(null))) {
            clients.sts().getCallerIdentity();
            clients.s3().listBuckets();
        }

        List<String> forwarded = proxy.requests().subList(before, proxy.requests().size());
        assertThat(forwarded).hasSize(2);
        assertThat(forwarded.get(0)).startsWith("POST " + moto.endpoint());
        assertThat(forwarded.get(1)).startsWith("GET " + moto.endpoint());
        assertThat(proxy.refused()).isEmpty();
    }

    @Test
    void nonProxyHostsAreCalledDirectly() {
        int before = proxy.requests().size();

        try (AwsClients clients = new AwsClients(MotoServer.REGION, DefaultCredentialsProvider.builder().build(),
                proxies("localhost|127.0.0.*"))) {
            assertThat(clients.sts().getCallerIdentity().account()).isNotBlank();
        }

        assertThat(proxy.requests().subList(before, proxy.requests().size())).isEmpty();
    }
}
