package dev.hover.spring;

import dev.hover.runtime.api.JobFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Makes each job handler through the application context: the job's bean when the context has
 * exactly one of its class (so its scope is the application's choice), else a new instance with
 * its constructor's parameters, {@code @Autowired} members and {@code @Value}s injected, as for any
 * bean, without registering it.
 */
public final class ApplicationContextJobFactory implements JobFactory {
    private final AutowireCapableBeanFactory beans;

    public ApplicationContextJobFactory(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Object create(Class<?> jobClass) {
        Object bean = beans.getBeanProvider(jobClass).getIfUnique();
        return bean != null ? bean : beans.createBean(jobClass);
    }
}
