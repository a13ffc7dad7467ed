package dev.hover.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** CloudFormation's intrinsic functions and small JSON builders, so the sections read like the template. */
final class Cfn {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Cfn() {
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ArrayNode array(Object... items) {
        return array(List.of(items));
    }

    static ArrayNode array(List<?> items) {
        ArrayNode array = JSON.arrayNode();
        for (Object item : items) {
            if (item instanceof JsonNode node) {
                array.add(node);
            } else if (item instanceof Integer number) {
                array.add(number);
            } else if (item instanceof String text) {
                array.add(text);
            } else {
                throw new IllegalArgumentException("not a template value: " + item);
            }
        }
        return array;
    }

    static ObjectNode ref(String logicalId) {
        return object().put("Ref", logicalId);
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = object();
        node.set("Fn::GetAtt", array(logicalId, attribute));
        return node;
    }

    /** {@code Fn::Sub} with the template's own references ({@code ${Id}}, {@code ${Id.Attr}}, {@code ${AWS::Region}}). */
    static ObjectNode sub(String text) {
        return object().put("Fn::Sub", text);
    }

    /** An ARN in the stack's partition, region and account: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    static ObjectNode regionalArn(String service, String resource) {
        return sub("arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + resource);
    }

    /** An IAM policy document with these statements. */
    static ObjectNode policyDocument(ArrayNode statements) {
        ObjectNode document = object().put("Version", "2012-10-17");
        document.set("Statement", statements);
        return document;
    }
}
