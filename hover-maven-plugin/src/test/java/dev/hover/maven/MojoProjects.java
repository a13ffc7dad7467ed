package dev.hover.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The harness configures a goal from a test pom; these put the goal's project in a test's own
 * directory, so that its {@code .hover} and {@code target} are the test's.
 */
final class MojoProjects {
    private MojoProjects() {
    }

    /** Also gives the goal the log Maven's {@code AbstractMojo} has by default: {@code [info] …} on standard output. */
    static <M extends HoverMojo> M in(Path directory, M mojo) {
        mojo.setLog(new SystemStreamLog());
        mojo.project.setFile(directory.resolve("pom.xml").toFile());
        mojo.project.getBuild().setDirectory(directory.resolve("target").toString());
        return mojo;
    }

    /** A valid manifest for {@code stage} of the app {@code shop}. */
    static void stage(Path directory, String stage) throws IOException {
        Files.createDirectories(directory.resolve(".hover"));
        Files.writeString(directory.resolve(".hover").resolve(stage + ".yml"),
                "name: shop-" + stage + "\nregion: eu-west-1\n");
    }
}
