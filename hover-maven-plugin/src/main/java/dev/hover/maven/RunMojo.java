package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.local.LocalRun;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the stage on this machine with Lambda's semantics, without Docker or an AWS account (docs/run.md):
 * the build's image contents started by the real runtime behind a local Runtime API, HTTP on
 * 127.0.0.1, the build's assets under /assets. Builds first when the recorded build is missing or
 * stale. Runs until Ctrl-C, which stops everything it started.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RunMojo extends StageImageMojo {
    static final String PORT = "hover.port";
    static final String RUN_JAVA = "hover.runJava";

    /** The port on 127.0.0.1 that stands in for the stage's public URL. */
    @Parameter(property = PORT, defaultValue = "" + LocalRun.DEFAULT_PORT)
    int port;

    /** The java executable the functions run with; default the JVM that runs Maven. */
    @Parameter(property = RUN_JAVA)
    String runJava;

    @Override
    StageUse stageUse() {
        return StageUse.EXISTING;
    }

    @Override
    void run() throws IOException, MojoExecutionException {
        int gatewayPort = number(PORT, port);
        if (gatewayPort < 1 || gatewayPort > 65535) {
            throw new ParameterException("-D" + PORT + " is " + gatewayPort + "; it takes a port, 1 to 65535");
        }
        Path java = text(RUN_JAVA, runJava).map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new ParameterException("-D" + RUN_JAVA + " is " + java + ", which is not an executable file; it takes"
                    + " the path of a java executable, e.g. /usr/lib/jvm/java-21/bin/java");
        }
        ProjectImageBuild projectBuild = projectBuild();
        StageManifest manifest = readManifest();
        BuildDescriptor build = currentBuild(projectBuild, manifest, "Running");
        // the functions' lines are the goal's product, as hover:logs prints log events
        try (LocalRun run = LocalRun.start(manifest, build, projectDirectory().resolve(".hover"),
                projectBuild.buildDirectory(stage()).resolve("run"), new LocalRun.Options(gatewayPort, java, Clock.systemUTC()),
                progress()::plain, System.out::println)) {
            progress().plain("Stage " + stage() + " (build " + build.buildId() + ") answers on " + run.url()
                    + "; Ctrl-C stops it");
            result(Map.of("url", run.url().toString(), "buildId", build.buildId()));
            run.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
