package dev.hover.plugin.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an identity policy allows a permission, as IAM matches {@code Action} and {@code Resource}:
 * {@code *} and {@code ?} wildcards, actions case-insensitively. Enough for Hover's documents, which
 * only allow: conditions are not evaluated (they only narrow what is allowed).
 */
final class PolicyEvaluator {
    private record Statement(String sid, List<Pattern> actions, List<Pattern> resources) {
    }

    private final List<Statement> statements = new ArrayList<>();

    PolicyEvaluator(String policy) {
        try {
            for (JsonNode statement : new ObjectMapper().readTree(policy).path("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    throw new IllegalArgumentException("only Allow statements are evaluated: " + statement);
                }
                statements.add(new Statement(statement.path("Sid").asText(),
                        patterns(statement.path("Action"), Pattern.CASE_INSENSITIVE), patterns(statement.path("Resource"), 0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param resource the ARN acted on; empty when the caller cannot tell it (then the action alone decides)
     * @return the statement that allows it
     */
    Optional<String> allowing(String action, Optional<String> resource) {
        return statements.stream()
                .filter(s -> s.actions().stream().anyMatch(p -> p.matcher(action).matches()))
                .filter(s -> resource.isEmpty() || s.resources().stream().anyMatch(p -> p.matcher(resource.get()).matches()))
                .map(Statement::sid)
                .findFirst();
    }

    private static List<Pattern> patterns(JsonNode node, int flags) {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode value : node.isArray() ? node : List.of(node)) {
            patterns.add(wildcard(value.asText(), flags));
        }
        return patterns;
    }

    private static Pattern wildcard(String glob, int flags) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (literal) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(literal);
            });
        }
        return Pattern.compile(regex.toString(), flags);
    }
}
