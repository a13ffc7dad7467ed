package dev.hover.runtime.crac;

/**
 * What {@code org.crac.Resource} becomes under SnapStart: org.crac looks this interface up by name
 * ({@code org.crac.Core.Compat=dev.hover.runtime.crac}) and registers a proxy of the application's
 * resource that implements it. Applications use {@code org.crac}, never this package.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
