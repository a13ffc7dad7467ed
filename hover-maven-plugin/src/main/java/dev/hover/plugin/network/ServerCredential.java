package dev.hover.plugin.network;

import java.util.Objects;

/**
 * A {@code <server>} of Maven's settings used as a registry's credentials: its id is the
 * registry's host (with its port, or without to cover every port), as for Jib's Maven plugin.
 *
 * @param password decrypted
 */
public record ServerCredential(String id, String username, String password) {
    public ServerCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "ServerCredential[" + id + ", " + username + ", password hidden]";
    }
}
