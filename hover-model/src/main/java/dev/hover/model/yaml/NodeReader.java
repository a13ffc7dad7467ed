package dev.hover.model.yaml;

import dev.hover.model.validation.Problems;
import dev.hover.model.validation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed YAML nodes into values, reporting every wrong type or broken rule at the node's
 * line and column. A method that reported a problem returns empty, so reading goes on with the
 * next key and every problem of the file is found in one pass.
 */
final class NodeReader {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,9}");

    private final Problems problems;
    private final Map<String, String> keyHomes;

    /** @param keyHomes for each key of the manifest, the section it belongs in, for misplaced keys */
    NodeReader(Problems problems, Map<String, String> keyHomes) {
        this.problems = problems;
        this.keyHomes = keyHomes;
    }

    /** Where a key belongs when it is not where it was written, e.g. {@code http, cli or queue.<function>}. */
    Optional<String> homeOf(String key) {
        return Optional.ofNullable(keyHomes.get(key));
    }

    void report(Node node, String path, String message) {
        report(node.getStartMark(), path, message);
    }

    void report(Mark mark, String path, String message) {
        problems.add(mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

    /** A single value as written; numbers and true/false are taken as the text they are written as. */
    Optional<String> text(Node node, String path, Rule<String> rule) {
        if (!(node instanceof ScalarNode scalar) || node.getTag().equals(Tag.NULL)) {
            report(node, path, "expected a string, found " + describe(node));
            return Optional.empty();
        }
        return checked(scalar.getValue(), node, path, rule);
    }

    Optional<Integer> integer(Node node, String path, Rule<Integer> rule) {
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
            report(node, path, "expected a whole number, found " + describe(node));
            return Optional.empty();
        }
        if (!DECIMAL.matcher(scalar.getValue()).matches()) {
            report(node, path, scalar.getValue().matches("[-+]?\\d+")
                    ? scalar.getValue() + " is too large"
                    : "expected a whole number written in decimal, found " + scalar.getValue());
            return Optional.empty();
        }
        return checked(Integer.parseInt(scalar.getValue()), node, path, rule);
    }

    /** true or false (YAML's yes/no and on/off too, as YAML 1.1 reads them). */
    Optional<Boolean> bool(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
            report(node, path, "expected true or false, found " + describe(node));
            return Optional.empty();
        }
        String value = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(value.equals("true") || value.equals("yes") || value.equals("on"));
    }

    /** A list; a key with no value is an empty list. */
    Optional<List<Node>> list(Node node, String path) {
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        if (!(node instanceof SequenceNode sequence)) {
            report(node, path, "expected a list, found " + describe(node));
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    /** A list of strings; items that break the rule are reported and left out. */
    Optional<List<String>> texts(Node node, String path, Rule<String> itemRule) {
        return list(node, path).map(items -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                text(items.get(i), path + "[" + i + "]", itemRule).ifPresent(values::add);
            }
            return values;
        });
    }

    /**
     * A list of strings, or one string of comma-separated items ({@code "a.com, b.com"}, as the
     * original Hover writes {@code http.domains}); items that break the rule are reported and left out.
     */
    Optional<List<String>> textsOrCommaSeparated(Node node, String path, Rule<String> itemRule) {
        if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.STR)) {
            return texts(node, path, itemRule);
        }
        List<String> values = new ArrayList<>();
        for (String part : scalar.getValue().split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                report(node, path, "'" + scalar.getValue() + "' has an empty item; separate the items with"
                        + " single commas, like \"a.example.com, b.example.com\", or write a list");
                return Optional.empty();
            }
            checked(item, node, path, itemRule).ifPresent(values::add);
        }
        return Optional.of(values);
    }

    /** A mapping with the given keys; a key with no value is an empty mapping. */
    Optional<YamlSection> section(Node node, String path, List<String> knownKeys) {
        if (isNull(node)) {
            MappingNode empty = new MappingNode(Tag.MAP, true, List.of(), node.getStartMark(), node.getEndMark(),
                    DumperOptions.FlowStyle.BLOCK);
            return Optional.of(new YamlSection(this, path, empty, knownKeys));
        }
        if (!(node instanceof MappingNode mapping)) {
            report(node, path, "expected a mapping of keys (" + String.join(", ", knownKeys) + "), found "
                    + describe(node));
            return Optional.empty();
        }
        return Optional.of(new YamlSection(this, path, mapping, knownKeys));
    }

    /** A mapping whose keys are the user's (variables, function names). */
    Optional<YamlSection> openSection(Node node, String path, String whatKeysAre) {
        if (isNull(node)) {
            return section(node, path, List.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            report(node, path, "expected a mapping of " + whatKeysAre + ", found " + describe(node));
            return Optional.empty();
        }
        return Optional.of(new YamlSection(this, path, mapping, null));
    }

    private <T> Optional<T> checked(T value, Node node, String path, Rule<? super T> rule) {
        Optional<String> problem = rule.check(value);
        problem.ifPresent(message -> report(node, path, message));
        return problem.isPresent() ? Optional.empty() : Optional.of(value);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** {@code key:} with no value, or {@code key: []}. */
    static boolean isEmptyList(Node node) {
        return isNull(node) || node instanceof SequenceNode sequence && sequence.getValue().isEmpty();
    }

    /** How a node reads to someone who wrote it, for "expected X, found Y". */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return "no value";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + scalar.getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + scalar.getValue();
        }
        String text = scalar.getValue().strip();
        return "the string '" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }
}
