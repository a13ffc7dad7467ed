package dev.hover.runtime.api;

/**
 * Creates job handlers, so an application can give them their dependencies. A Spring application
 * registers its bean factory while it starts:
 * {@code Jobs.useFactory(context.getAutowireCapableBeanFactory()::createBean)}. Another way is a
 * class listed in {@code META-INF/services/dev.hover.runtime.api.JobFactory}. Without either, a job
 * class needs a public no-arg constructor.
 */
@FunctionalInterface
public interface JobFactory {
    /** @return an instance of {@code jobClass} */
    Object create(Class<?> jobClass) throws Exception;
}
