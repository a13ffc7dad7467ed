package dev.hover.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/** A generated CloudFormation template: the JSON tree, and its one textual form. */
public final class StackTemplate {
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    private final ObjectNode root;

    StackTemplate(ObjectNode root) {
        this.root = root;
    }

    /** A copy of the template's tree. */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /**
     * The template as CloudFormation reads it: pretty printed, keys in a fixed order, {@code \n} line
     * ends whatever the platform, so the same inputs give the same bytes.
     */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }
}
