package dev.hover.model.yaml;

import dev.hover.model.validation.KeySuggestion;
import dev.hover.model.validation.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of the manifest at a key path. Creating it reports keys that are not scalars,
 * duplicate keys and (for a section with known keys) unknown keys with a did-you-mean.
 */
final class YamlSection {
    private final NodeReader reader;
    private final String path;
    private final MappingNode mapping;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /** @param knownKeys the keys this section may have, or null when the keys are the user's */
    YamlSection(NodeReader reader, String path, MappingNode mapping, List<String> knownKeys) {
        this.reader = reader;
        this.path = path;
        this.mapping = mapping;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey) || NodeReader.isNull(keyNode)) {
                reader.report(keyNode, path, "keys must be plain names, found " + NodeReader.describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            NodeTuple first = entries.get(key);
            if (first != null) {
                reader.report(keyNode, pathOf(key), "duplicate key '" + key + "' (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            } else if (key.equals("<<") && keyNode.getTag().equals(Tag.MERGE)) {
                reader.report(keyNode, pathOf(key), "YAML merge keys (<<) are not supported in a manifest; "
                        + "write the keys out");
            } else if (knownKeys != null && !knownKeys.contains(key)) {
                reader.report(keyNode, pathOf(key), unknownKey(key, knownKeys));
            } else {
                entries.put(key, tuple);
            }
        }
    }

    private String unknownKey(String key, List<String> knownKeys) {
        Optional<String> suggestion = KeySuggestion.closest(key, knownKeys);
        if (suggestion.isPresent()) {
            return "unknown key '" + key + "'; did you mean '" + suggestion.get() + "'?";
        }
        Optional<String> home = reader.homeOf(key);
        if (home.isPresent()) {
            return "'" + key + "' does not belong " + (path.isEmpty() ? "at the top level" : "under " + path)
                    + "; it goes under " + home.get();
        }
        return knownKeys.isEmpty()
                ? "unknown key '" + key + "'; this section has no keys"
                : "unknown key '" + key + "'; expected one of: " + String.join(", ", knownKeys);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The keys, in file order, without the duplicates and unknown ones already reported. */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** Reports a key this section must have. */
    boolean require(String key, String why) {
        if (has(key)) {
            return true;
        }
        reader.report(mapping, pathOf(key), "missing; " + why);
        return false;
    }

    Optional<String> string(String key, Rule<String> rule) {
        return value(key).flatMap(node -> reader.text(node, pathOf(key), rule));
    }

    Optional<Integer> integer(String key, Rule<Integer> rule) {
        return value(key).flatMap(node -> reader.integer(node, pathOf(key), rule));
    }

    OptionalInt optionalInteger(String key, Rule<Integer> rule) {
        return integer(key, rule).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    Optional<Boolean> bool(String key) {
        return value(key).flatMap(node -> reader.bool(node, pathOf(key)));
    }

    Optional<List<String>> strings(String key, Rule<String> itemRule) {
        return value(key).flatMap(node -> reader.texts(node, pathOf(key), itemRule));
    }

    /** A list, or one string of comma-separated items. */
    Optional<List<String>> stringsOrCommaSeparated(String key, Rule<String> itemRule) {
        return value(key).flatMap(node -> reader.textsOrCommaSeparated(node, pathOf(key), itemRule));
    }

    Optional<YamlSection> section(String key, List<String> knownKeys) {
        return value(key).flatMap(node -> reader.section(node, pathOf(key), knownKeys));
    }

    Optional<YamlSection> openSection(String key, String whatKeysAre) {
        return value(key).flatMap(node -> reader.openSection(node, pathOf(key), whatKeysAre));
    }
}
