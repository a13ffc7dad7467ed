package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a stage's template that moto can create, made on the test side only.
 *
 * <p>moto skips the resource types it does not implement, gives {@code null} for a {@code Ref} to them
 * and fails on a {@code Fn::GetAtt} to them. So: (1) every {@code Ref} to a {@code live} alias becomes
 * the ARN of its function (what the alias would resolve to, less the {@code :live} qualifier), which
 * keeps event source mappings, rule targets and permissions testable; (2) the unimplemented resources
 * are dropped, then whatever refers to a dropped resource, until nothing does; outputs likewise.
 * {@link #dropped()} says exactly what moto did not check (docs/testing.md).
 */
final class MotoTemplate {
    static final Set<String> UNIMPLEMENTED_TYPES = Set.of(
            "AWS::Lambda::Alias",
            "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Route",
            "AWS::ApiGatewayV2::Stage",
            "AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl",
            "AWS::S3::BucketPolicy");

    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

    private final ObjectNode template;
    private final Set<String> dropped;

    private MotoTemplate(ObjectNode template, Set<String> dropped) {
        this.template = template;
        this.dropped = dropped;
    }

    static MotoTemplate of(ObjectNode original) {
        Map<String, String> functionOfAlias = new HashMap<>();
        original.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::Lambda::Alias")) {
                functionOfAlias.put(entry.getKey(), entry.getValue().path("Properties").path("FunctionName")
                        .path("Ref").asText());
            }
        });
        ObjectNode template = (ObjectNode) withAliasesReplaced(original, functionOfAlias);
        ObjectNode resources = (ObjectNode) template.path("Resources");

        Set<String> dropped = new TreeSet<>();
        resources.fields().forEachRemaining(entry -> {
            if (UNIMPLEMENTED_TYPES.contains(entry.getValue().path("Type").asText())) {
                dropped.add(entry.getKey());
            }
        });
        boolean more = true;
        while (more) {
            more = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!dropped.contains(entry.getKey()) && refersToAny(entry.getValue(), dropped)) {
                    dropped.add(entry.getKey());
                    more = true;
                }
            }
        }
        resources.remove(dropped);
        ObjectNode outputs = (ObjectNode) template.path("Outputs");
        Set<String> droppedOutputs = new TreeSet<>();
        outputs.fields().forEachRemaining(entry -> {
            if (refersToAny(entry.getValue(), dropped)) {
                droppedOutputs.add(entry.getKey());
            }
        });
        outputs.remove(droppedOutputs);
        droppedOutputs.forEach(output -> dropped.add("Outputs." + output));
        return new MotoTemplate(template, dropped);
    }

    ObjectNode template() {
        return template;
    }

    /** Logical ids of the dropped resources, and {@code Outputs.<key>} for each dropped output. */
    Set<String> dropped() {
        return dropped;
    }

    private static JsonNode withAliasesReplaced(JsonNode node, Map<String, String> functionOfAlias) {
        String alias = node.path("Ref").asText();
        if (node.size() == 1 && functionOfAlias.containsKey(alias)) {
            return Cfn.getAtt(functionOfAlias.get(alias), "Arn");
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Cfn.object();
            object.fields().forEachRemaining(entry ->
                    copy.set(entry.getKey(), withAliasesReplaced(entry.getValue(), functionOfAlias)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Cfn.array();
            array.forEach(item -> copy.add(withAliasesReplaced(item, functionOfAlias)));
            return copy;
        }
        return node;
    }

    private static boolean refersToAny(JsonNode node, Set<String> logicalIds) {
        return !Collections.disjoint(references(node), logicalIds);
    }

    /** Every logical id a resource or output names: Ref, Fn::GetAtt, ${…} in Fn::Sub, DependsOn. */
    private static Set<String> references(JsonNode node) {
        Set<String> ids = new LinkedHashSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                JsonNode value = entry.getValue();
                switch (entry.getKey()) {
                    case "Ref" -> ids.add(value.asText());
                    case "Fn::GetAtt" -> ids.add(value.path(0).asText());
                    case "Fn::Sub" -> {
                        Matcher matcher = SUB_REFERENCE.matcher(value.isArray() ? value.path(0).asText() : value.asText());
                        while (matcher.find()) {
                            ids.add(matcher.group(1));
                        }
                        ids.addAll(references(value));
                    }
                    case "DependsOn" -> {
                        if (value.isArray()) {
                            value.forEach(id -> ids.add(id.asText()));
                        } else {
                            ids.add(value.asText());
                        }
                    }
                    default -> ids.addAll(references(value));
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> ids.addAll(references(item)));
        }
        return ids;
    }
}
