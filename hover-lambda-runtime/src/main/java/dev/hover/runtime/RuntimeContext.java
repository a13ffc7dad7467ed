package dev.hover.runtime;

import dev.hover.model.packaged.PackagedManifest;

import java.util.Map;

/**
 * What a handler gets to know when it is created, once the application is ready.
 *
 * @param type        this container's function type
 * @param manifest    the packaged manifest read at cold start
 * @param environment the process environment (Lambda's variables: {@code HOVER_QUEUE_FUNCTION},
 *                    {@code AWS_REGION}, …); the application's own variables are in
 *                    {@link dev.hover.runtime.api.HoverEnvironment}
 */
public record RuntimeContext(FunctionType type, PackagedManifest manifest, Map<String, String> environment) {

    public RuntimeContext {
        environment = Map.copyOf(environment);
    }

    /** A process variable that must be set for this function type. */
    public String requiredVariable(String name) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set; the " + type.lowerCase() + " function needs it");
        }
        return value;
    }
}
