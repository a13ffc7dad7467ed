package dev.hover.plugin.stage;

import java.util.Optional;

/** The answers a new stage's manifest is written from, each already checked. */
public record NewStage(
        String stage,
        String name,
        String region,
        Optional<String> profile,
        Optional<String> stackRole,
        Optional<String> lambdaRole) {
}
