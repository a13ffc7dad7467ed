package dev.hover.plugin.image;

import dev.hover.model.StageManifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of the image's configuration, which every function's process starts with, on
 * top of the base image's and under Lambda's own variables: Hover's, then the
 * {@link FrameworkDefaults}, then the manifest's {@code environment}. The manifest's environment is
 * here rather than in the functions' configuration, so Lambda's 4 KB limit on function variables
 * does not apply to it; the stage's secrets are added when the container starts (docs/runtime.md).
 */
final class ImageEnvironment {
    private ImageEnvironment() {
    }

    static Map<String, String> of(StageManifest manifest, String buildId, List<Dependency> dependencies) {
        return of(manifest, buildId, dependencies, manifest.http().port());
    }

    /** @param port where the application is told to serve: {@code http.port}, or the training run's free port */
    static Map<String, String> of(StageManifest manifest, String buildId, List<Dependency> dependencies, int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LAMBDA_TASK_ROOT", ImageLayout.TASK_ROOT);
        environment.put("HOVER_BUILD_ID", buildId);
        environment.putAll(FrameworkDefaults.of(dependencies, port));
        environment.putAll(manifest.environment());
        return environment;
    }
}
