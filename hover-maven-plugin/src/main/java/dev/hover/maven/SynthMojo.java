package dev.hover.maven;

import dev.hover.model.validation.ManifestException;
import dev.hover.plugin.synth.SynthException;
import dev.hover.plugin.synth.Synthesizer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Validates a stage's manifest and writes its CloudFormation template to
 * {@code target/hover/<stage>/template.json}, without calling AWS.
 */
@Mojo(name = "synth", threadSafe = true)
public class SynthMojo extends AbstractMojo {

    /** The stage, e.g. {@code staging}: its manifest is {@code .hover/<stage>.yml}. */
    @Parameter(property = "hover.stage", required = true)
    private String stage;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    @Override
    public void execute() throws MojoFailureException {
        try {
            Path template = new Synthesizer().synth(baseDirectory.toPath(), buildDirectory.toPath(), stage);
            getLog().info("Wrote the template of stage " + stage + " to "
                    + baseDirectory.toPath().relativize(template));
        } catch (ManifestException | SynthException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
