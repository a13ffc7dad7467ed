package dev.hover.maven;

import dev.hover.model.StageManifest;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.ImageBuildService;
import dev.hover.plugin.image.ImageOutput;
import dev.hover.plugin.image.ImageTarget;
import dev.hover.plugin.image.UploadTally;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a stage's image (Jib, no Docker daemon) and collects its assets, and records both in
 * {@code target/hover/[stage]/build.json} for {@code hover:deploy}. The image goes to
 * {@code hover.image} when given, else into {@code target/hover/[stage]/image.tar} (OCI layout).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BuildMojo extends StageImageMojo {
    static final String IMAGE = "hover.image";

    /**
     * A registry image to push to, e.g. {@code registry.example.com/shop}; tagged with the build id
     * when it names no tag. Credentials come from Docker's configuration and credential helpers.
     * When absent, the image is written as an OCI tar.
     */
    @Parameter(property = IMAGE)
    String image;

    @Override
    void run() throws IOException, MojoExecutionException {
        ProjectImageBuild projectBuild = projectBuild();
        StageManifest manifest = readManifest();
        Optional<String> registryImage = text(IMAGE, image);
        long started = System.nanoTime();
        ImageBuildService.Built built = projectBuild.build(manifest, registryImage.isEmpty()
                        ? projectBuild.tarTarget(manifest)
                        : buildId -> ImageTarget.registry(ImageTarget.taggedIfUntagged(registryImage.get(), buildId), Optional.empty()),
                imageOptions());
        report(built, (System.nanoTime() - started) / 1_000_000);
    }

    private void report(ImageBuildService.Built built, long millis) {
        BuildDescriptor descriptor = built.descriptor();
        progress().plain("Built " + descriptor.stage() + " " + descriptor.buildId() + " in " + millis + " ms: "
                + descriptor.output().location() + " " + descriptor.output().digest());
        if (descriptor.output().kind() == ImageOutput.Kind.REGISTRY) {
            UploadTally uploads = built.uploads();
            Map<String, Long> uploaded = uploads.uploaded();
            progress().plain("Uploaded " + uploaded.size() + " blob(s), " + uploads.layerBytes(descriptor.output().imageId())
                    + " layer bytes; the rest was already in the repository");
        }
        if (descriptor.assets().present()) {
            progress().plain("Collected " + descriptor.assets().files() + " asset file(s) for "
                    + descriptor.assets().url());
        }
    }
}
