package dev.hover.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The template's {@code Resources} section, which refuses a logical id given twice. */
final class Resources {
    private final ObjectNode resources = Cfn.object();

    void add(String logicalId, String type, ObjectNode properties) {
        if (resources.has(logicalId)) {
            throw new IllegalArgumentException("two resources of the stage would have the logical id '" + logicalId
                    + "': queue and function names that differ only in separators or the case of a first letter"
                    + " collide; rename one of them");
        }
        ObjectNode resource = resources.putObject(logicalId);
        resource.put("Type", type);
        resource.set("Properties", properties);
    }

    /**
     * Adds a resource that holds data (logs, queued jobs), saying outright that the data goes when the
     * resource does: a deleted stage keeps nothing, and a renamed queue's jobs go with the old queue.
     */
    void addDeletedWithStack(String logicalId, String type, ObjectNode properties) {
        add(logicalId, type, properties);
        ((ObjectNode) resources.get(logicalId)).put("DeletionPolicy", "Delete").put("UpdateReplacePolicy", "Delete");
    }

    ObjectNode node() {
        return resources;
    }
}
