package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;

/** Makes the stage's template for one release (the template module's generator). */
@FunctionalInterface
public interface TemplateSource {
    /**
     * @param imageUri the image the functions run, by digest
     * @param buildId  the release's build id
     * @param assetUrl where the release's assets are served, {@code /assets/<build-id>}
     */
    StackTemplate render(StageManifest manifest, String imageUri, String buildId, String assetUrl);
}
