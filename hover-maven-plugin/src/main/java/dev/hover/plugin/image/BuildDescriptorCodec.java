package dev.hover.plugin.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code target/hover/<stage>/build.json}. */
public final class BuildDescriptorCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private BuildDescriptorCodec() {
    }

    public static void write(BuildDescriptor descriptor, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), descriptor);
        } catch (IOException e) {
            throw new ImageBuildException("Cannot write the build descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    public static String toJson(BuildDescriptor descriptor) {
        try {
            return JSON.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A build descriptor always serializes", e);
        }
    }

    /** @throws ImageBuildException naming the file and what is wrong, with what to do about it */
    public static BuildDescriptor read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageBuildException("There is no build descriptor " + file
                    + "; perhaps you should run hover:build (mvn package) for this stage first");
        } catch (IOException e) {
            throw new ImageBuildException("Cannot read the build descriptor " + file + ": " + e.getMessage(), e);
        }
        return fromJson(content, file.toString());
    }

    /** @param source names the input in error messages */
    public static BuildDescriptor fromJson(byte[] content, String source) {
        try {
            JsonNode tree = JSON.readTree(content);
            JsonNode format = tree == null ? null : tree.get("format");
            if (format == null || !format.canConvertToInt()) {
                throw new ImageBuildException(source + " is not a build descriptor: it has no format number");
            }
            if (format.intValue() > BuildDescriptor.FORMAT) {
                throw new ImageBuildException(source + " has format " + format.intValue()
                        + " and this plugin reads format " + BuildDescriptor.FORMAT
                        + " or older; perhaps you should rebuild with this plugin's hover:build");
            }
            return JSON.treeToValue(tree, BuildDescriptor.class);
        } catch (IOException e) {
            throw new ImageBuildException(source + " is not a valid build descriptor: " + e.getMessage()
                    + "; perhaps you should run hover:build again", e);
        }
    }
}
