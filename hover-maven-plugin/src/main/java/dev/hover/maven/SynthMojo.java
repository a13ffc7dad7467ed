package dev.hover.maven;

import dev.hover.plugin.synth.Synthesizer;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;

/**
 * Validates a stage's manifest and writes its CloudFormation template to
 * {@code target/hover/&lt;stage&gt;/template.json}, without calling AWS.
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
                getLog()::warn);
        getLog().info("Wrote the template of stage " + stage() + " to " + projectDirectory().relativize(template));
    }
}
