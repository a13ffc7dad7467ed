package dev.hover.model;

import java.util.List;

/** {@code vpc}: the security groups and subnets of every function of the stage. */
public record Vpc(List<String> securityGroups, List<String> subnets) {
    public Vpc {
        securityGroups = List.copyOf(securityGroups);
        subnets = List.copyOf(subnets);
    }
}
