package dev.hover.plugin.deploy;

import dev.hover.plugin.aws.StackChange;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a deploy did, for people and for CI.
 *
 * @param url           the stage's URL: its first custom domain, else the CDN's
 * @param released      whether the live aliases moved (false for a dry run, or when live already ran this build)
 * @param versions      function name to the version now live (or that would have been published)
 * @param stackChanges  the change set's resource changes; empty when the stack did not change
 */
public record DeploySummary(
        String buildId,
        String stage,
        String stack,
        String region,
        boolean dryRun,
        boolean released,
        Optional<String> url,
        Optional<String> cdnDomain,
        Optional<String> apiUrl,
        Optional<String> image,
        Map<String, String> versions,
        List<StackChange> stackChanges,
        List<StepTiming> steps,
        Duration total) {

    public DeploySummary {
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        stackChanges = List.copyOf(stackChanges);
        steps = List.copyOf(steps);
    }
}
