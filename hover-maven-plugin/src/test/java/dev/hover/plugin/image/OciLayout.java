package dev.hover.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads an image in OCI image layout (a directory, as written by {@code skopeo copy … oci:dir} or
 * unpacked from Jib's OCI tar) with the system's {@code tar}: its manifest, configuration and the
 * file list of each layer.
 */
final class OciLayout {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path directory;
    final String manifestDigest;
    final JsonNode manifest;
    final JsonNode config;

    private OciLayout(Path directory) throws IOException {
        this.directory = directory;
        JsonNode index = JSON.readTree(directory.resolve("index.json").toFile());
        this.manifestDigest = index.get("manifests").get(0).get("digest").asText();
        this.manifest = JSON.readTree(blob(manifestDigest).toFile());
        this.config = JSON.readTree(blob(manifest.get("config").get("digest").asText()).toFile());
    }

    static OciLayout open(Path directory) throws IOException {
        return new OciLayout(directory);
    }

    /** Unpacks an OCI tar (Jib's tar target) into {@code into} and opens it. */
    static OciLayout unpackTar(Path tar, Path into) throws IOException {
        Files.createDirectories(into);
        run(List.of("tar", "-xf", tar.toString(), "-C", into.toString()));
        return open(into);
    }

    List<String> layerDigests() {
        List<String> digests = new ArrayList<>();
        manifest.get("layers").forEach(layer -> digests.add(layer.get("digest").asText()));
        return digests;
    }

    long layerSize(String digest) {
        for (JsonNode layer : manifest.get("layers")) {
            if (layer.get("digest").asText().equals(digest)) {
                return layer.get("size").asLong();
            }
        }
        throw new IllegalArgumentException("No layer " + digest);
    }

    /** The files of one layer, as absolute paths without the directories. */
    List<String> files(String layerDigest) throws IOException {
        return Arrays.stream(run(List.of("tar", "-tzf", blob(layerDigest).toString())).split("\n"))
                .filter(name -> !name.isBlank() && !name.endsWith("/"))
                .map(name -> name.startsWith("/") ? name : "/" + name)
                .toList();
    }

    /** One layer's {@code tar -tv} listing: mode, owner, size, time and name of each entry. */
    List<String> listing(String layerDigest) throws IOException {
        return run(List.of("tar", "--numeric-owner", "--utc", "-tvzf", blob(layerDigest).toString())).lines().toList();
    }

    /** Every file of every layer above the base, in layer order. */
    List<List<String>> filesByLayer(int baseLayers) throws IOException {
        List<List<String>> files = new ArrayList<>();
        List<String> digests = layerDigests();
        for (String digest : digests.subList(baseLayers, digests.size())) {
            files.add(files(digest));
        }
        return files;
    }

    /** Unpacks every layer into {@code root}, lowest first, as a container runtime would. */
    void unpackLayers(Path root) throws IOException {
        Files.createDirectories(root);
        for (String digest : layerDigests()) {
            run(List.of("tar", "-xzf", blob(digest).toString(), "-C", root.toString()));
        }
    }

    Path blob(String digest) {
        return directory.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    /** Runs a command and returns its standard output; its errors go into the failure message. */
    static String run(List<String> command) throws IOException {
        Path errors = Files.createTempFile("command", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        } finally {
            Files.delete(errors);
        }
    }
}
