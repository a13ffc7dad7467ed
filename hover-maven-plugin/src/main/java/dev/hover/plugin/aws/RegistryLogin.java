package dev.hover.plugin.aws;

/**
 * Credentials for pushing to a container registry, as Jib takes them.
 *
 * @param registry the registry host, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}
 */
public record RegistryLogin(String registry, String username, String password) {
    @Override
    public String toString() {
        return "RegistryLogin[" + registry + ", " + username + ", password hidden]";
    }
}
