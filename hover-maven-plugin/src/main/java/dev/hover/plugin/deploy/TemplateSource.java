package dev.hover.plugin.deploy;

import dev.hover.model.StageManifest;

/**
 * Makes the stage's template for one release: in the product, the template module's
 * {@code TemplateGenerator}, which writes the image and the build id into the template (it has no
 * parameters), so a new build is a new template.
 */
@FunctionalInterface
public interface TemplateSource {
    /**
     * @param imageUri the image the functions run, by digest
     * @param buildId  the release's build id
     * @return the template, JSON
     */
    String render(StageManifest manifest, String imageUri, String buildId);
}
