package dev.hover.model.yaml;

import static dev.hover.model.validation.ManifestRules.BACKOFF;
import static dev.hover.model.validation.ManifestRules.MEMORY;
import static dev.hover.model.validation.ManifestRules.QUEUE_FUNCTION;
import static dev.hover.model.validation.ManifestRules.QUEUE_NAME;
import static dev.hover.model.validation.ManifestRules.TIMEOUT;
import static dev.hover.model.validation.ManifestRules.atLeast;

import dev.hover.model.QueueFunction;
import dev.hover.model.validation.DerivedNameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The manifest's {@code queue} section: each queue function, the queues it consumes (each queue
 * feeds exactly one function) and its tries and backoff.
 */
final class QueueSectionReader {
    private final NodeReader reader;
    /** The stage's name, when it is valid: queue names are checked against the AWS names they make. */
    private final Optional<String> name;

    QueueSectionReader(NodeReader reader, Optional<String> name) {
        this.reader = reader;
        this.name = name;
    }

    Map<String, QueueFunction> queues(YamlSection top) {
        Map<String, QueueFunction> functions = new LinkedHashMap<>();
        Map<String, Claim> claimedBy = new LinkedHashMap<>();
        top.openSection("queue", "queue function names to their settings").ifPresent(section -> {
            for (String function : section.keys()) {
                String path = section.pathOf(function);
                Optional<String> problem = QUEUE_FUNCTION.check(function)
                        .or(() -> name.flatMap(valid -> DerivedNameRules.checkQueueFunction(valid, function)));
                problem.ifPresent(message -> reader.report(section.keyNode(function), path, message));
                Node keyNode = section.keyNode(function);
                section.section(function, ManifestReader.QUEUE_KEYS)
                        .map(settings -> queueFunction(function, keyNode, settings, claimedBy))
                        .ifPresent(settings -> functions.put(function, settings));
            }
        });
        return functions;
    }

    private QueueFunction queueFunction(String function, Node keyNode, YamlSection settings,
                                        Map<String, Claim> claimedBy) {
        List<String> queues = new ArrayList<>();
        if (settings.has("queues")) {
            Node node = settings.value("queues").orElseThrow();
            if (NodeReader.isEmptyList(node)) {
                reader.report(node, settings.pathOf("queues"), "is empty; leave it out to consume the queue '"
                        + function + "', or name at least one queue");
            }
            List<Node> items = reader.list(node, settings.pathOf("queues")).orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                String itemPath = settings.pathOf("queues") + "[" + i + "]";
                Node item = items.get(i);
                reader.text(item, itemPath, QUEUE_NAME.and(queue -> name
                                .flatMap(valid -> DerivedNameRules.checkQueue(valid, queue))))
                        .filter(queue -> claim(queue, function, claimedBy, item, itemPath))
                        .ifPresent(queues::add);
            }
        } else {
            // without a list, the function consumes the queue named like it
            Optional<String> problem = name.flatMap(valid -> DerivedNameRules.checkQueue(valid, function));
            problem.ifPresent(message -> reader.report(keyNode, settings.path(), message
                    + " (the function's default queue, named like the function)"));
            if (problem.isEmpty() && claim(function, function, claimedBy, keyNode, settings.path())) {
                queues.add(function);
            }
        }
        return new QueueFunction(
                function,
                settings.integer("memory", MEMORY).orElse(QueueFunction.DEFAULT_MEMORY),
                settings.integer("timeout", TIMEOUT).orElse(QueueFunction.DEFAULT_TIMEOUT),
                settings.optionalInteger("concurrency", ManifestReader.NOT_NEGATIVE),
                settings.integer("tries", atLeast(1)).orElse(QueueFunction.DEFAULT_TRIES),
                settings.value("backoff").flatMap(node -> backoff(node, settings.pathOf("backoff")))
                        .orElse(QueueFunction.DEFAULT_BACKOFF),
                queues,
                settings.bool("snapstart").orElse(false));
    }

    /**
     * Records that {@code function} consumes {@code queue}. Queues are keyed by their letters and
     * digits, case folded: the stack's logical ids keep only those, so {@code mail-out} and
     * {@code mail_out} would be one resource.
     */
    private boolean claim(String queue, String function, Map<String, Claim> claims, Node node, String path) {
        Claim earlier = claims.putIfAbsent(Claim.key(queue), new Claim(queue, function));
        if (earlier == null) {
            return true;
        }
        String message;
        if (!earlier.queue().equals(queue)) {
            message = "queue '" + queue + "' is too close to queue '" + earlier.queue() + "' of queue function '"
                    + earlier.function() + "': names that differ only in case, '-' or '_' would make the same "
                    + "CloudFormation resource; rename one";
        } else if (earlier.function().equals(function)) {
            message = "queue '" + queue + "' is listed twice";
        } else {
            message = "queue '" + queue + "' is already consumed by queue function '" + earlier.function()
                    + "'; a queue feeds exactly one function";
        }
        reader.report(node, path, message);
        return false;
    }

    /** {@code "5, 10"}, {@code 5} or {@code [5, 10]}: seconds before each retry. */
    private Optional<List<Integer>> backoff(Node node, String path) {
        if (node instanceof ScalarNode scalar && node.getTag().equals(Tag.STR)) {
            List<Integer> delays = new ArrayList<>();
            for (String part : scalar.getValue().split(",", -1)) {
                String trimmed = part.trim();
                if (!trimmed.matches("\\d{1,9}")) {
                    reader.report(node, path, "'" + scalar.getValue()
                            + "' is not a list of seconds like \"5, 10\": '" + trimmed + "' is not a whole number");
                    return Optional.empty();
                }
                delays.add(Integer.parseInt(trimmed));
            }
            return checkedDelays(delays, node, path);
        }
        if (node instanceof ScalarNode) {
            return reader.integer(node, path, BACKOFF).map(List::of);
        }
        return reader.list(node, path).flatMap(items -> {
            if (items.isEmpty()) {
                reader.report(node, path, "is empty; give the seconds to wait before each retry, like [5, 10]");
                return Optional.empty();
            }
            List<Integer> delays = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<Integer> delay = reader.integer(items.get(i), path + "[" + i + "]", BACKOFF);
                if (delay.isEmpty()) {
                    return Optional.empty();
                }
                delays.add(delay.get());
            }
            return Optional.of(delays);
        });
    }

    private Optional<List<Integer>> checkedDelays(List<Integer> delays, Node node, String path) {
        for (int delay : delays) {
            Optional<String> problem = BACKOFF.check(delay);
            if (problem.isPresent()) {
                reader.report(node, path, problem.get());
                return Optional.empty();
            }
        }
        return Optional.of(delays);
    }

    /** A queue and the queue function that consumes it. */
    private record Claim(String queue, String function) {
        static String key(String queue) {
            return queue.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        }
    }
}
