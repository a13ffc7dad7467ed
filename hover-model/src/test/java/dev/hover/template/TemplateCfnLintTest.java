package dev.hover.template;

import dev.hover.model.StageManifest;
import dev.hover.model.yaml.ManifestReader;
import dev.hover.testsupport.LocalAws;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.hover.template.TestManifests.BUILD_ID;
import static dev.hover.template.TestManifests.IMAGE_URI;

/** AWS's own linter, with AWS's resource schemas, finds nothing to say about the templates: no error, no warning. */
class TemplateCfnLintTest {
    @TempDir
    Path directory;

    static Stream<Arguments> manifests() throws IOException {
        ManifestReader reader = new ManifestReader();
        return Stream.of(
                Arguments.of("minimal.yml", reader.read(Path.of("src/test/resources/manifests/minimal.yml"))),
                Arguments.of("maximal.yml (lambda-role given)",
                        reader.read(Path.of("src/test/resources/manifests/maximal.yml"))),
                Arguments.of("maximal, role made in the stack", TestManifests.maximal()),
                Arguments.of("original-hover.yml (written for the original Hover)",
                        reader.read(Path.of("src/test/resources/manifests/original-hover.yml"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void cfnLintReportsNothing(String description, StageManifest manifest) throws IOException {
        Path template = directory.resolve("template.json");
        Files.writeString(template, new TemplateGenerator().generate(manifest, IMAGE_URI, BUILD_ID).toJson());
        LocalAws.cfnLint().lint(template).assertNoErrorsOrWarnings();
    }
}
