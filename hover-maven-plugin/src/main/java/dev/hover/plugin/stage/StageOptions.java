package dev.hover.plugin.stage;

import java.util.Optional;

/**
 * What {@code hover:stage-new} was given; empty where nothing was given.
 *
 * @param stage            {@code hover.stage}
 * @param app              {@code hover.app}: the application part of {@code name} ({@code <app>-<stage>})
 * @param region           {@code hover.region}
 * @param profile          {@code hover.profile}
 * @param stackRole        {@code hover.stackRole}: ARN of the role CloudFormation assumes
 * @param lambdaRole       {@code hover.lambdaRole}: ARN of the role the functions assume
 * @param suggestedApp     offered as the default answer when asking for the app (the project's artifactId)
 * @param suggestedRegion  offered as the default answer when asking for the region (from the environment)
 */
public record StageOptions(
        String stage,
        Optional<String> app,
        Optional<String> region,
        Optional<String> profile,
        Optional<String> stackRole,
        Optional<String> lambdaRole,
        Optional<String> suggestedApp,
        Optional<String> suggestedRegion) {
}
