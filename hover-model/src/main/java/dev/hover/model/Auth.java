package dev.hover.model;

import java.util.Optional;

/**
 * {@code auth}: the roles a stage uses.
 *
 * @param stackRole  role CloudFormation assumes to apply the stack ({@code auth.stack-role}); when
 *                   absent, CloudFormation uses the deploying user's credentials
 * @param lambdaRole role the functions assume ({@code auth.lambda-role}); when absent the stack
 *                   creates a minimal execution role for the stage
 */
public record Auth(Optional<String> stackRole, Optional<String> lambdaRole) {
    public static final Auth NONE = new Auth(Optional.empty(), Optional.empty());
}
