package dev.hover.plugin.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The least-privilege IAM documents of a stage: the templates of docs/iam/ (shipped in the plugin),
 * with the stage's names, region, partition and account put in, and the statements the stage does
 * not need left out (passing a stack role it does not have, making an execution role it is given,
 * the VPC's network interfaces of a stage outside a VPC).
 */
public final class IamPolicies {
    /** What stands for the account when it is not known (no credentials at hand). */
    public static final String ACCOUNT_PLACEHOLDER = "${Account}";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as shipped, placeholders and all. */
    public static String template(PolicyDocument document) {
        try (InputStream in = IamPolicies.class.getResourceAsStream(document.file())) {
            if (in == null) {
                throw new IllegalStateException("the plugin lacks its IAM document " + document.file());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document, rendered for the stage. */
    public Map<PolicyDocument, String> render(PolicyStage stage) {
        String partition = partition(stage.region());
        // in this order: the Lambda role's default names the stage, partition and account itself
        Map<String, String> values = new LinkedHashMap<>();
        values.put("${LambdaRole}", stage.lambdaRole().orElse("arn:${Partition}:iam::${Account}:role/${StageName}-*"));
        values.put("${StackRole}", stage.stackRole().orElse(""));
        values.put("${Repository}", stage.repository());
        values.put("${StageName}", stage.name());
        values.put("${Region}", stage.region());
        values.put("${Partition}", partition);
        values.put("${Account}", stage.account());
        Set<String> unneeded = unneededStatements(stage);
        Map<PolicyDocument, String> rendered = new EnumMap<>(PolicyDocument.class);
        for (PolicyDocument document : PolicyDocument.values()) {
            rendered.put(document, render(template(document), values, unneeded));
        }
        return rendered;
    }

    /**
     * Writes every document, rendered, to {@code directory} as its {@link PolicyDocument#file()}.
     *
     * @return the documents written, with their files
     */
    public Map<PolicyDocument, Path> write(PolicyStage stage, Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<PolicyDocument, Path> written = new EnumMap<>(PolicyDocument.class);
        for (Map.Entry<PolicyDocument, String> document : render(stage).entrySet()) {
            Path file = directory.resolve(document.getKey().file());
            Files.writeString(file, document.getValue());
            written.put(document.getKey(), file);
        }
        return written;
    }

    private static Set<String> unneededStatements(PolicyStage stage) {
        Set<String> unneeded = new HashSet<>();
        if (stage.stackRole().isEmpty()) {
            unneeded.add("PassStackRole");
        }
        if (stage.lambdaRole().isPresent()) {
            unneeded.add("ManageExecutionRole");
        }
        if (!stage.vpc()) {
            unneeded.add("ManageVpcNetworkInterfaces");
            unneeded.add("VpcOfFunctions");
        }
        return unneeded;
    }

    private static String render(String template, Map<String, String> values, Set<String> unneeded) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(template);
            for (Iterator<JsonNode> it = document.withArray("Statement").iterator(); it.hasNext(); ) {
                if (unneeded.contains(it.next().path("Sid").asText())) {
                    it.remove();
                }
            }
            return JSON.writeValueAsString(substitute(document, values)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                field.setValue(substitute(field.getValue(), values));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), values));
            }
        }
        return node;
    }

    private static String partition(String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata == null ? "aws" : metadata.partition().id();
    }
}
