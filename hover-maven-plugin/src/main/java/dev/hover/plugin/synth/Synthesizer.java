package dev.hover.plugin.synth;

import dev.hover.model.Names;
import dev.hover.model.StageManifest;
import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.stage.StageException;
import dev.hover.plugin.stage.StageFiles;
import dev.hover.plugin.stage.StageSession;
import dev.hover.template.TemplateGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code hover:synth}: reads and validates {@code .hover/<stage>.yml} and writes the stage's
 * CloudFormation template to {@code <build directory>/hover/<stage>/template.json}, calling no AWS
 * API. With no build to deploy, the template names a placeholder image and the build id
 * {@value #BUILD_ID}; everything else is what a deploy would send.
 */
public final class Synthesizer {
    static final String BUILD_ID = "synth";
    /** AWS's documentation account: the real one is only known with credentials, which synth never uses. */
    static final String PLACEHOLDER_ACCOUNT = "123456789012";

    private final TemplateGenerator generator = new TemplateGenerator();

    /**
     * @param warnings gets each warning about the manifest (an original Hover key that has no effect)
     * @return the template file written
     * @throws ManifestException when the manifest has problems, each with its file, line, column and key
     * @throws SynthException    when there is no manifest for the stage, or it cannot be read or written
     */
    public Path synth(Path projectDirectory, Path buildDirectory, String stage, Consumer<String> warnings) {
        StageFiles files = new StageFiles(projectDirectory, stage);
        String display = files.display(files.manifest());
        StageManifest manifest;
        try {
            manifest = StageSession.readManifest(projectDirectory, stage, warnings);
        } catch (StageException e) {
            throw new SynthException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SynthException("cannot read " + display + ": " + e.getMessage(), e);
        }
        String template;
        try {
            template = generator.generate(manifest, placeholderImageUri(manifest), BUILD_ID).toJson();
        } catch (IllegalArgumentException e) {
            throw new SynthException(display + ": " + e.getMessage(), e);
        }
        Path output = buildDirectory.resolve("hover").resolve(stage).resolve("template.json");
        try {
            Files.createDirectories(output.getParent());
            Files.writeString(output, template);
        } catch (IOException e) {
            throw new SynthException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return output;
    }

    /**
     * Where the image would be: {@code java.repository} when given, else the stage's ECR repository,
     * tagged {@code synth} so that nobody mistakes it for a real build.
     */
    static String placeholderImageUri(StageManifest manifest) {
        String repository = manifest.java().repository().orElseGet(() -> PLACEHOLDER_ACCOUNT + ".dkr.ecr."
                + manifest.region() + ".amazonaws.com/" + Names.of(manifest).repository());
        return repository + ":" + BUILD_ID;
    }
}
