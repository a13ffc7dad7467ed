package dev.hover.plugin.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hover.model.validation.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SynthesizerTest {
    @TempDir
    Path project;

    private Path target() {
        return project.resolve("target");
    }

    private void manifest(String stage, String yaml) throws IOException {
        Files.createDirectories(project.resolve(".hover"));
        Files.writeString(project.resolve(".hover").resolve(stage + ".yml"), yaml);
    }

    @Test
    void writesTheStagesTemplateUnderTheBuildDirectory() throws Exception {
        manifest("dev", "name: shop-dev\nregion: eu-west-1\nqueue:\n  mailer:\n    queues: [emails]\n");

        Path written = new Synthesizer().synth(project, target(), "dev", warning -> { });

        assertThat(written).isEqualTo(target().resolve("hover/dev/template.json"));
        JsonNode template = new ObjectMapper().readTree(written.toFile());
        assertThat(template.at("/Resources/HttpFunction/Properties/FunctionName").asText()).isEqualTo("shop-dev-http");
        assertThat(template.at("/Resources/EmailsJobQueue/Properties/QueueName").asText()).isEqualTo("emails-shop-dev");
        assertThat(template.at("/Resources/CliFunction/Properties/Code/ImageUri").asText())
                .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-dev:synth");
        assertThat(template.at("/Outputs/BuildId/Value").asText()).isEqualTo("synth");
    }

    @Test
    void theSameManifestGivesTheSameBytes() throws Exception {
        manifest("dev", "name: shop-dev\nregion: eu-west-1\n");
        byte[] first = Files.readAllBytes(new Synthesizer().synth(project, target(), "dev", warning -> { }));
        byte[] second = Files.readAllBytes(new Synthesizer().synth(project, target(), "dev", warning -> { }));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theImageIsInTheManifestsRepositoryWhenItNamesOne() throws Exception {
        manifest("prod", "name: shop-prod\nregion: eu-central-1\njava:\n"
                + "  repository: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop\n");
        JsonNode template = new ObjectMapper().readTree(new Synthesizer().synth(project, target(), "prod", warning -> { }).toFile());
        assertThat(template.at("/Resources/HttpFunction/Properties/Code/ImageUri").asText())
                .isEqualTo("123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop:synth");
    }

    @Test
    void aTypoIsReportedWithItsPlaceAndASuggestion_andNothingIsWritten() throws Exception {
        manifest("dev", "name: shop-dev\nregion: eu-west-1\nhttp:\n  memmory: 2048\n");

        assertThatThrownBy(() -> new Synthesizer().synth(project, target(), "dev", warning -> { }))
                .isInstanceOf(ManifestException.class)
                .hasMessage(".hover/dev.yml:4:3: http.memmory: unknown key 'memmory'; did you mean 'memory'?");
        assertThat(target()).doesNotExist();
    }

    @Test
    void aMissingStageSaysHowToCreateIt() {
        assertThatThrownBy(() -> new Synthesizer().synth(project, target(), "qa", warning -> { }))
                .isInstanceOf(SynthException.class)
                .hasMessage("there is no stage 'qa': .hover/qa.yml does not exist; create it with"
                        + " mvn hover:stage-new -Dhover.stage=qa");
    }

    @Test
    void aStageThatIsNotAStageNameIsRefusedBeforeAnyFileIsRead() {
        assertThatThrownBy(() -> new Synthesizer().synth(project, target(), "../secrets", warning -> { }))
                .isInstanceOf(SynthException.class)
                .hasMessageStartingWith("hover.stage: ");
    }
}
