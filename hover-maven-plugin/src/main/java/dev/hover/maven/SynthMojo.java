package dev.hover.maven;

import dev.hover.plugin.synth.Synthesizer;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.Map;

/**
 * Validates a stage's manifest and writes its CloudFormation template to
 * {@code target/hover/[stage]/template.json}, without calling AWS.
 */
@Mojo(name = "synth", threadSafe = true)
public class SynthMojo extends HoverMojo {
    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() {
        Path template = new Synthesizer().synth(projectDirectory(), Path.of(project.getBuild().getDirectory()), stage(),
                progress()::warning);
        progress().plain("Wrote the template of stage " + stage() + " to " + projectDirectory().relativize(template));
        result(Map.of("template", template.toString()));
    }
}
