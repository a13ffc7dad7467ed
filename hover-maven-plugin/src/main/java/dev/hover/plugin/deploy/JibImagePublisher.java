package dev.hover.plugin.deploy;

import com.google.cloud.tools.jib.api.Credential;
import dev.hover.plugin.image.BuildDescriptor;
import dev.hover.plugin.image.BuildLog;
import dev.hover.plugin.image.ImageContainerizer;
import dev.hover.plugin.image.ImageTarget;
import dev.hover.plugin.network.NetworkSettings;

import java.nio.file.Path;
import java.util.Set;

/**
 * Pushes a build's image to the stage's repository with the image module's Jib containerizer,
 * tagged with the build id. The image is made again from the build's spec (reproducibly: the
 * same digest as the build recorded) with its layers from Jib's cache; the registry is asked for
 * each blob first, so what it already has is not uploaded.
 */
public final class JibImagePublisher implements ImagePublisher {
    private final ImageContainerizer containerizer;

    public JibImagePublisher(Path layersCache, boolean allowInsecureRegistries, NetworkSettings network, BuildLog log) {
        this.containerizer = new ImageContainerizer(layersCache, allowInsecureRegistries, network, log);
    }

    @Override
    public PublishedImage publish(BuildDescriptor build, ImageDestination destination) {
        ImageTarget target = ImageTarget.registry(destination.repository() + ":" + build.buildId(),
                destination.login().map(login -> Credential.from(login.username(), login.password())));
        ImageContainerizer.Result result = containerizer.containerize(build.image(), target, Set.of());
        String digest = result.output().digest();
        int layers = (int) result.uploads().uploaded().keySet().stream()
                .filter(blob -> !blob.equals(result.output().imageId())).count();
        return new PublishedImage(destination.repository() + "@" + digest, layers);
    }
}
