package dev.hover.plugin.deploy;

import java.util.Map;

/** The stage's CloudFormation template and the parameter values this release passes to it. */
public record StackTemplate(String body, Map<String, String> parameters) {
    public StackTemplate {
        parameters = Map.copyOf(parameters);
    }
}
