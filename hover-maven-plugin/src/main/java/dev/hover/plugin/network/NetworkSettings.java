package dev.hover.plugin.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Maven's settings say about reaching the network, as the AWS clients and Jib apply it: the
 * active proxies, the {@code <servers>} that may be registries' credentials, and whether Maven
 * runs offline ({@code -o}).
 */
public record NetworkSettings(Proxies proxies, List<ServerCredential> servers, boolean offline) {
    public NetworkSettings {
        Objects.requireNonNull(proxies, "proxies");
        servers = List.copyOf(servers);
    }

    /** No proxy, no server, online: what a build without Maven's settings gets. */
    public static NetworkSettings none() {
        return new NetworkSettings(Proxies.none(), List.of(), false);
    }

    /**
     * The server whose id is {@code registry} ({@code host} or {@code host:port}), else the one whose
     * id is its host without the port.
     */
    public Optional<ServerCredential> serverFor(String registry) {
        Optional<ServerCredential> exact = server(registry);
        int colon = registry.lastIndexOf(':');
        return exact.isPresent() || colon < 0 ? exact : server(registry.substring(0, colon));
    }

    private Optional<ServerCredential> server(String id) {
        return servers.stream().filter(server -> server.id().equals(id)).findFirst();
    }

    /**
     * @param needs what the goal would do online, e.g. {@code "hover:deploy calls AWS and pushes the image"}
     * @throws OfflineException when Maven runs offline
     */
    public void requireOnline(String needs) {
        if (offline) {
            throw new OfflineException("Maven is offline (-o), and " + needs + ": run it without -o (--offline)");
        }
    }
}
