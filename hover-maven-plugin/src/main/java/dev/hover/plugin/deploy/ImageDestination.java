package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.RegistryLogin;

import java.util.Optional;

/**
 * Where the stage's image is pushed.
 *
 * @param repository the repository without tag or digest, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-dev}
 * @param login      credentials for its registry; empty when the registry needs none from Hover
 */
public record ImageDestination(String repository, Optional<RegistryLogin> login) {
}
