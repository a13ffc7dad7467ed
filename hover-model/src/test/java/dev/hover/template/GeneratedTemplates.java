package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hover.model.StageManifest;

import java.util.ArrayList;
import java.util.List;

import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated template as a JSON tree, and the lookups and checks its tests share. */
final class GeneratedTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedTemplates() {
    }

    static ObjectNode generate(StageManifest manifest) {
        return new TemplateGenerator().generate(manifest, IMAGE_URI, BUILD_ID).tree();
    }

    static JsonNode resource(ObjectNode template, String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        assertThat(resource.isMissingNode()).as("resource %s", logicalId).isFalse();
        return resource;
    }

    static JsonNode properties(ObjectNode template, String logicalId) {
        return resource(template, logicalId).path("Properties");
    }

    static List<String> idsOfType(ObjectNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    static JsonNode ref(String logicalId) throws Exception {
        return json("{\"Ref\":\"" + logicalId + "\"}");
    }

    static JsonNode getAtt(String logicalId, String attribute) throws Exception {
        return json("{\"Fn::GetAtt\":[\"" + logicalId + "\",\"" + attribute + "\"]}");
    }

    static void assertDeletedWithTheStack(JsonNode resource) {
        assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(resource.path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
    }
}
